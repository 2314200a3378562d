import { sql, type Kysely } from 'kysely';

/**
 * Review of an assessment: one decision per item (accepted or changes requested, tied to the answer
 * version it was made on, so a later change to the answer makes it pending again) and a comment
 * thread per item.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('item_reviews')
		.addColumn('assessment_id', 'uuid', (c) =>
			c.notNull().references('assessments.id').onDelete('cascade')
		)
		.addColumn('item_id', 'text', (c) => c.notNull())
		.addColumn('decision', 'text', (c) =>
			c.notNull().check(sql`decision in ('accepted', 'changes_requested')`)
		)
		.addColumn('answer_version', 'integer', (c) => c.notNull())
		.addColumn('reviewed_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('reviewed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('item_reviews_pk', ['assessment_id', 'item_id'])
		.execute();

	await db.schema
		.createTable('review_comments')
		.addColumn('id', 'uuid', (c) => c.primaryKey())
		.addColumn('assessment_id', 'uuid', (c) =>
			c.notNull().references('assessments.id').onDelete('cascade')
		)
		.addColumn('item_id', 'text', (c) => c.notNull())
		.addColumn('author_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema
		.createIndex('review_comments_item_idx')
		.on('review_comments')
		.columns(['assessment_id', 'item_id', 'created_at'])
		.execute();
	// The dashboard counts assessments waiting for review per client.
	await db.schema
		.createIndex('assessments_client_state_idx')
		.on('assessments')
		.columns(['client_id', 'state'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('assessments_client_state_idx').execute();
	await db.schema.dropTable('review_comments').execute();
	await db.schema.dropTable('item_reviews').execute();
}
