import { sql, type Kysely } from 'kysely';

/**
 * The consultant's own words in the report: an overall opinion and a scope-and-limitations
 * statement per assessment, and an observation beside each gap, each in Chinese and English.
 * Append-only: every save is a new row with the next version number, so the previous text is
 * kept with who wrote it and when, and two people saving over the same version collide on the
 * primary key instead of one silently overwriting the other.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('report_statements')
		.addColumn('assessment_id', 'uuid', (c) =>
			c.notNull().references('assessments.id').onDelete('cascade')
		)
		.addColumn('version', 'integer', (c) => c.notNull().check(sql`version > 0`))
		.addColumn('opinion_zh', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('opinion_en', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('scope_zh', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('scope_en', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('report_statements_pkey', ['assessment_id', 'version'])
		.execute();
	await db.schema
		.createTable('gap_observations')
		.addColumn('assessment_id', 'uuid', (c) =>
			c.notNull().references('assessments.id').onDelete('cascade')
		)
		.addColumn('item_id', 'text', (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull().check(sql`version > 0`))
		.addColumn('text_zh', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('text_en', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('gap_observations_pkey', ['assessment_id', 'item_id', 'version'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('gap_observations').execute();
	await db.schema.dropTable('report_statements').execute();
}
