import { sql } from 'kysely';
import type { Database } from '../connection';

export type LeaseClaim = 'claimed' | 'busy' | 'org_full' | 'raced';

/**
 * Bookkeeping (not audited): claims the render of report `key` for `holder`, in ONE statement and
 * without holding anything open while the report renders. The lease takes the lowest free slot of
 * its organisation (1…`slots`); the unique (org, slot) and (key) indexes decide a race, so two
 * instances never render one report at once and an organisation never has more than `slots`
 * renders, whatever the number of instances. `busy`: another holder is rendering this very report;
 * `org_full`: every slot of the organisation is taken; `raced`: neither any more (a slot or the
 * report was taken and freed again between two statements) — claim again.
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
	if (await renderLeaseHeld(db, lease.key)) return 'busy';
	const live = await db
		.selectFrom('report_render_leases')
		.select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
		.where('org_id', '=', lease.orgId)
		.where('expires_at', '>', sql<Date>`now()`)
		.executeTakeFirstOrThrow();
	return Number(live.n) >= lease.slots ? 'org_full' : 'raced';
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
