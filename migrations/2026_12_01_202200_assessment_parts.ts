import { sql, type Kysely } from 'kysely';

/**
 * The parts of an assessment submitted so far, by domain: a respondent limited to some domains
 * submits their part; the assessment goes to review once every domain in scope is submitted. Sent
 * back, the parts are cleared and submitted again.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('assessment_parts')
		.addColumn('assessment_id', 'uuid', (c) =>
			c.notNull().references('assessments.id').onDelete('cascade')
		)
		.addColumn('domain', 'text', (c) => c.notNull())
		.addColumn('submitted_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('submitted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('assessment_parts_pk', ['assessment_id', 'domain'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('assessment_parts').execute();
}
