import { sql, type Kysely } from 'kysely';

/**
 * Review comments are printed in a report only when the consultant asks (issue 17), so a final
 * assessment has two issues of each format, language and edition: with and without them. The
 * variant gains `comments` (false for every report issued before: none printed them), and the
 * one-current-issue index covers it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('issued_reports')
		.addColumn('comments', 'boolean', (c) => c.notNull().defaultTo(sql`false`))
		.execute();
	await db.schema.dropIndex('issued_reports_current_idx').execute();
	await db.schema
		.createIndex('issued_reports_current_idx')
		.on('issued_reports')
		.columns(['assessment_id', 'format', 'lang', 'edition', 'comments'])
		.unique()
		.where(sql.ref('superseded_at'), 'is', null)
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('issued_reports_current_idx').execute();
	await db.deleteFrom('issued_reports').where('comments', '=', true).execute();
	await db.schema
		.createIndex('issued_reports_current_idx')
		.on('issued_reports')
		.columns(['assessment_id', 'format', 'lang', 'edition'])
		.unique()
		.where(sql.ref('superseded_at'), 'is', null)
		.execute();
	await db.schema.alterTable('issued_reports').dropColumn('comments').execute();
}
