import { sql, type Kysely } from 'kysely';

/**
 * Consultancy work: clients of an organisation, assessments per client and per predecessor,
 * respondents scoped to one client (optionally one assessment's domains), branding, API tokens.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('clients')
		.addColumn('id', 'uuid', (c) => c.primaryKey())
		.addColumn('org_id', 'uuid', (c) =>
			c.notNull().references('organisations.id').onDelete('cascade')
		)
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('registered_name', 'text')
		.addColumn('contact', 'text')
		.addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema
		.createIndex('clients_org_idx')
		.on('clients')
		.columns(['org_id', 'name'])
		.execute();

	await db.schema
		.alterTable('assessments')
		.addColumn('client_id', 'uuid', (c) => c.references('clients.id').onDelete('restrict'))
		.execute();
	await db.schema
		.alterTable('assessments')
		.addColumn('previous_assessment_id', 'uuid', (c) =>
			c.references('assessments.id').onDelete('set null')
		)
		.execute();
	await db.schema
		.createIndex('assessments_client_idx')
		.on('assessments')
		.columns(['client_id', 'created_at'])
		.execute();

	await db.schema
		.alterTable('answers')
		.addColumn('carried_over', 'boolean', (c) => c.notNull().defaultTo(false))
		.execute();

	// A respondent's reach: one client, optionally one assessment of it and some of its domains.
	for (const table of ['memberships', 'invitations']) {
		await db.schema
			.alterTable(table)
			.addColumn('client_id', 'uuid', (c) => c.references('clients.id').onDelete('cascade'))
			.execute();
		await db.schema
			.alterTable(table)
			.addColumn('assessment_id', 'uuid', (c) => c.references('assessments.id').onDelete('cascade'))
			.execute();
		await db.schema.alterTable(table).addColumn('domains', 'jsonb').execute();
	}

	await db.schema.alterTable('organisations').addColumn('logo', 'bytea').execute();
	await db.schema.alterTable('organisations').addColumn('logo_mime', 'text').execute();

	await db.schema
		.createTable('api_tokens')
		.addColumn('id', 'uuid', (c) => c.primaryKey())
		.addColumn('org_id', 'uuid', (c) =>
			c.notNull().references('organisations.id').onDelete('cascade')
		)
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('last_used_at', 'timestamptz')
		.addColumn('revoked_at', 'timestamptz')
		.execute();
	await db.schema.createIndex('api_tokens_org_idx').on('api_tokens').column('org_id').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('api_tokens').execute();
	await db.schema.alterTable('organisations').dropColumn('logo_mime').dropColumn('logo').execute();
	for (const table of ['invitations', 'memberships'])
		await db.schema
			.alterTable(table)
			.dropColumn('domains')
			.dropColumn('assessment_id')
			.dropColumn('client_id')
			.execute();
	await db.schema.alterTable('answers').dropColumn('carried_over').execute();
	await db.schema
		.alterTable('assessments')
		.dropColumn('previous_assessment_id')
		.dropColumn('client_id')
		.execute();
	await db.schema.dropTable('clients').execute();
}
