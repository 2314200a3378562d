import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('users')
		.addColumn('id', 'uuid', (c) => c.primaryKey())
		.addColumn('email', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('password_hash', 'text', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	await db.schema
		.createTable('organisations')
		.addColumn('id', 'uuid', (c) => c.primaryKey())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('firm', 'consultancy')`))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	await db.schema
		.createTable('memberships')
		.addColumn('org_id', 'uuid', (c) =>
			c.notNull().references('organisations.id').onDelete('cascade')
		)
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('role', 'text', (c) =>
			c.notNull().check(sql`role in ('owner', 'consultant', 'respondent', 'viewer')`)
		)
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('memberships_pk', ['org_id', 'user_id'])
		.execute();
	await db.schema.createIndex('memberships_user_idx').on('memberships').column('user_id').execute();

	await db.schema
		.createTable('sessions')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('secret_hash', 'bytea', (c) => c.notNull())
		.addColumn('active_org_id', 'uuid', (c) =>
			c.references('organisations.id').onDelete('set null')
		)
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('expires_at', 'timestamptz', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

	await db.schema
		.createTable('invitations')
		.addColumn('id', 'uuid', (c) => c.primaryKey())
		.addColumn('org_id', 'uuid', (c) =>
			c.notNull().references('organisations.id').onDelete('cascade')
		)
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('role', 'text', (c) =>
			c.notNull().check(sql`role in ('owner', 'consultant', 'respondent', 'viewer')`)
		)
		.addColumn('email', 'text')
		.addColumn('created_by', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('expires_at', 'timestamptz', (c) => c.notNull())
		.addColumn('accepted_at', 'timestamptz')
		.addColumn('accepted_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('revoked_at', 'timestamptz')
		.execute();
	await db.schema.createIndex('invitations_org_idx').on('invitations').column('org_id').execute();

	await db.schema
		.createTable('login_failures')
		.addColumn('id', 'bigserial', (c) => c.primaryKey())
		.addColumn('key', 'text', (c) => c.notNull())
		.addColumn('failed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema
		.createIndex('login_failures_key_idx')
		.on('login_failures')
		.columns(['key', 'failed_at'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'login_failures',
		'invitations',
		'sessions',
		'memberships',
		'organisations',
		'users'
	]) {
		await db.schema.dropTable(table).execute();
	}
}
