import type { Database } from '../connection';
import type { ReportCacheTable } from '../schema';

export async function findCachedReport(db: Database, key: string): Promise<Uint8Array | null> {
	const row = await db
		.selectFrom('report_cache')
		.select('bytes')
		.where('key', '=', key)
		.executeTakeFirst();
	return row ? new Uint8Array(row.bytes) : null;
}

/** Stores a report and drops the assessment's older reports in that language: they are stale. */
export async function storeCachedReport(
	db: Database,
	entry: { key: string; assessmentId: string; lang: ReportCacheTable['lang']; bytes: Uint8Array }
): Promise<void> {
	await db.transaction().execute(async (tx) => {
		await tx
			.deleteFrom('report_cache')
			.where('assessment_id', '=', entry.assessmentId)
			.where('lang', '=', entry.lang)
			.where('key', '!=', entry.key)
			.execute();
		await tx
			.insertInto('report_cache')
			.values({
				key: entry.key,
				assessment_id: entry.assessmentId,
				lang: entry.lang,
				// pg sends a Buffer as bytea; PGlite takes it as the Uint8Array it is.
				bytes: Buffer.from(entry.bytes.buffer, entry.bytes.byteOffset, entry.bytes.byteLength)
			})
			.onConflict((oc) => oc.column('key').doNothing())
			.execute();
	});
}
