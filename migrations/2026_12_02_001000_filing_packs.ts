import { sql, type Kysely } from 'kysely';

/**
 * The filing pack of an assessment: its own short form (what the product cannot know: service
 * name, channels, partner, planned filing date…) and what people wrote over drafted sections, with
 * the fingerprint of the draft each edit was written over. One row per assessment that has one.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('filing_packs')
		.addColumn('assessment_id', 'uuid', (c) =>
			c.primaryKey().references('assessments.id').onDelete('cascade')
		)
		.addColumn('input', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
		.addColumn('edits', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
		.addColumn('updated_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('filing_packs').execute();
}
