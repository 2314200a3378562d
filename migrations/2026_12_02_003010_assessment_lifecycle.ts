import type { Kysely } from 'kysely';

/**
 * An engagement's end: an archived assessment leaves the default lists (restored at will); a
 * deleted one is hidden everywhere and purged for good after a grace period, or earlier by an
 * owner. Both are moments; null for an assessment in use.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('assessments')
		.addColumn('archived_at', 'timestamptz')
		.addColumn('deleted_at', 'timestamptz')
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('assessments')
		.dropColumn('archived_at')
		.dropColumn('deleted_at')
		.execute();
}
