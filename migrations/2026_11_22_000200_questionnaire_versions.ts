import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	// A version is immutable: the corpus content as loaded, keyed by the hash of that content.
	await db.schema
		.createTable('questionnaire_versions')
		.addColumn('hash', 'text', (c) => c.primaryKey())
		.addColumn('content', 'jsonb', (c) => c.notNull())
		.addColumn('item_count', 'integer', (c) => c.notNull())
		.addColumn('provision_count', 'integer', (c) => c.notNull())
		.addColumn('imported_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('questionnaire_versions').execute();
}
