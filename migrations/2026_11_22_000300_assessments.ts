import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('assessments')
		.addColumn('id', 'uuid', (c) => c.primaryKey())
		.addColumn('org_id', 'uuid', (c) =>
			c.notNull().references('organisations.id').onDelete('cascade')
		)
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('version_hash', 'text', (c) => c.notNull().references('questionnaire_versions.hash'))
		.addColumn('profile', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
		.addColumn('profile_version', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('state', 'text', (c) =>
			c
				.notNull()
				.defaultTo('draft')
				.check(sql`state in ('draft', 'in_review', 'final')`)
		)
		.addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema
		.createIndex('assessments_org_idx')
		.on('assessments')
		.columns(['org_id', 'created_at'])
		.execute();

	await db.schema
		.createTable('answers')
		.addColumn('assessment_id', 'uuid', (c) =>
			c.notNull().references('assessments.id').onDelete('cascade')
		)
		.addColumn('item_id', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) =>
			c.notNull().check(sql`status in ('compliant', 'partial', 'non_compliant', 'not_applicable')`)
		)
		.addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('evidence', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
		.addColumn('owner', 'text')
		.addColumn('due', 'date')
		.addColumn('version', 'integer', (c) => c.notNull())
		.addColumn('updated_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('answers_pk', ['assessment_id', 'item_id'])
		.execute();

	await db.schema
		.createTable('audit_log')
		.addColumn('id', 'bigserial', (c) => c.primaryKey())
		.addColumn('org_id', 'uuid', (c) =>
			c.notNull().references('organisations.id').onDelete('cascade')
		)
		.addColumn('assessment_id', 'uuid', (c) => c.references('assessments.id').onDelete('cascade'))
		.addColumn('item_id', 'text')
		.addColumn('actor_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('old_value', 'jsonb')
		.addColumn('new_value', 'jsonb')
		.addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema
		.createIndex('audit_log_assessment_item_idx')
		.on('audit_log')
		.columns(['assessment_id', 'item_id', 'at'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['audit_log', 'answers', 'assessments'])
		await db.schema.dropTable(table).execute();
}
