import { sql } from 'kysely';
import type { Database } from '../connection';

export type LeaseClaim = 'claimed' | 'busy' | 'org_full';

/**
 * Bookkeeping (not audited): claims the render of report `key` for `holder`, in ONE statement and
 * without holding anything open while the report renders. The lease takes the lowest free slot of
 * its organisation (1…`slots`); the unique (org, slot) and (key) indexes decide a race, so two
 * instances never render one report at once and an organisation never has more than `slots`
 * renders, whatever the number of instances. A racing claim that loses a slot to another is refused
 * (`org_full`) rather than retried: it may be told to come back when a slot was in fact free, never
 * let past the limit. `busy`: another holder is rendering this very report.
 */
export async function claimRenderLease(
	db: Database,
	lease: { key: string; orgId: string; holder: string; slots: number; ttlMs: number }
): Promise<LeaseClaim> {
	// Leases of renders that died with their instance free their report and slot again.
	await db
		.deleteFrom('report_render_leases')
		.where('expires_at', '<=', sql<Date>`now()`)
		.execute();
	const claimed = await sql<{ key: string }>`
		insert into report_render_leases (key, org_id, slot, holder, expires_at)
		select ${lease.key}, ${lease.orgId}::uuid, s.slot, ${lease.holder},
			now() + ${lease.ttlMs}::int * interval '1 millisecond'
		from generate_series(1, ${lease.slots}::int) as s (slot)
		where not exists (
			select 1 from report_render_leases l where l.org_id = ${lease.orgId}::uuid and l.slot = s.slot
		)
		order by s.slot
		limit 1
		on conflict do nothing
		returning key
	`.execute(db);
	if (claimed.rows.length > 0) return 'claimed';
	return (await renderLeaseHeld(db, lease.key)) ? 'busy' : 'org_full';
}

/** Whether some instance holds a live lease on the render of `key`. */
export async function renderLeaseHeld(db: Database, key: string): Promise<boolean> {
	const row = await db
		.selectFrom('report_render_leases')
		.select('key')
		.where('key', '=', key)
		.where('expires_at', '>', sql<Date>`now()`)
		.executeTakeFirst();
	return row !== undefined;
}

/** Bookkeeping (not audited): the render ended (stored, or failed); frees the report and the slot. */
export async function releaseRenderLease(
	db: Database,
	lease: { key: string; holder: string }
): Promise<void> {
	await db
		.deleteFrom('report_render_leases')
		.where('key', '=', lease.key)
		.where('holder', '=', lease.holder)
		.execute();
}
