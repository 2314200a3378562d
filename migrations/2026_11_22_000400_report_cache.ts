import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('report_cache')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('assessment_id', 'uuid', (c) =>
			c.notNull().references('assessments.id').onDelete('cascade')
		)
		.addColumn('lang', 'text', (c) => c.notNull().check(sql`lang in ('zh', 'en', 'both')`))
		.addColumn('bytes', 'bytea', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema
		.createIndex('report_cache_assessment_idx')
		.on('report_cache')
		.columns(['assessment_id', 'lang'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('report_cache').execute();
}
