import { sql, type Kysely } from 'kysely';

/**
 * Where the action closing each gap stands (open / in progress / done), one row per item of an
 * assessment that has one; an item without a row is open. Apart from the answer, so setting it
 * makes no new answer version and never conflicts with someone answering.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('gap_actions')
		.addColumn('assessment_id', 'uuid', (c) =>
			c.notNull().references('assessments.id').onDelete('cascade')
		)
		.addColumn('item_id', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) =>
			c.notNull().check(sql`status in ('open', 'in_progress', 'done')`)
		)
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('gap_actions_pkey', ['assessment_id', 'item_id'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('gap_actions').execute();
}
