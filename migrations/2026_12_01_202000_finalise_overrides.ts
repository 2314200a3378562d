import { sql, type Kysely } from 'kysely';

/**
 * An assessment finalised while items were still open (unanswered, not reviewed, changes requested):
 * who answers for them and why it was signed off all the same. One row per assessment, dropped when
 * it is re-opened; the report reads it, the audit log keeps every one.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('finalise_overrides')
		.addColumn('assessment_id', 'uuid', (c) =>
			c.primaryKey().references('assessments.id').onDelete('cascade')
		)
		.addColumn('owner', 'text', (c) => c.notNull())
		.addColumn('reason', 'text', (c) => c.notNull())
		.addColumn('open_items', 'jsonb', (c) => c.notNull())
		.addColumn('finalised_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('finalised_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('finalise_overrides').execute();
}
