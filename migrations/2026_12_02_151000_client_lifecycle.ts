import { sql, type Kysely } from 'kysely';

/**
 * An engagement's end for a client, as for an assessment (2026_12_02_003010): an archived client
 * leaves the default lists; a deleted one (with its assessments, deleted at the same instant) is
 * hidden everywhere and purged after the grace period. The retention job looks for deleted
 * clients only: a partial index holds those.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('clients')
		.addColumn('archived_at', 'timestamptz')
		.addColumn('deleted_at', 'timestamptz')
		.execute();
	await db.schema
		.createIndex('clients_deleted_idx')
		.on('clients')
		.column('deleted_at')
		.where(sql.ref('deleted_at'), 'is not', null)
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('clients_deleted_idx').execute();
	await db.schema
		.alterTable('clients')
		.dropColumn('archived_at')
		.dropColumn('deleted_at')
		.execute();
}
