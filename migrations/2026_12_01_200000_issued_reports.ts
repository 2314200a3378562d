import { sql, type Kysely } from 'kysely';

/**
 * The reports of a final assessment as they were issued: the file's bytes, their SHA-256 and the
 * Shanghai date of issue, one row per format, language and edition. A download of a final
 * assessment returns these bytes, whatever renderer runs later. Re-opening the assessment marks its
 * rows superseded (kept, not deleted); the next finalisation issues new ones.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('issued_reports')
		.addColumn('id', 'uuid', (c) => c.primaryKey())
		.addColumn('assessment_id', 'uuid', (c) =>
			c.notNull().references('assessments.id').onDelete('cascade')
		)
		.addColumn('org_id', 'uuid', (c) =>
			c.notNull().references('organisations.id').onDelete('cascade')
		)
		.addColumn('format', 'text', (c) => c.notNull().check(sql`format in ('pdf', 'docx')`))
		.addColumn('lang', 'text', (c) => c.notNull().check(sql`lang in ('zh', 'en', 'both')`))
		.addColumn('edition', 'text', (c) => c.notNull().check(sql`edition in ('summary', 'full')`))
		.addColumn('file_name', 'text', (c) => c.notNull())
		.addColumn('bytes', 'bytea', (c) => c.notNull())
		.addColumn('sha256', 'text', (c) => c.notNull())
		.addColumn('issued_on', 'text', (c) => c.notNull())
		.addColumn('issued_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('superseded_at', 'timestamptz')
		.execute();
	// One current issue of each variant; superseded ones stay beside it.
	await db.schema
		.createIndex('issued_reports_current_idx')
		.on('issued_reports')
		.columns(['assessment_id', 'format', 'lang', 'edition'])
		.unique()
		.where(sql.ref('superseded_at'), 'is', null)
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('issued_reports').execute();
}
