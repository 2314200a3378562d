import { sql, type Kysely } from 'kysely';

/**
 * Access that ends when membership ends (issue 14, part 2):
 * - an API token belongs to a member (`user_id`) and acts with that member's role, or a narrower
 *   `scope` (read_write, read_only); it expires (`expires_at`). Tokens that belong to nobody (made
 *   by the admin CLI, or by someone no longer a member of the organisation) are revoked, audited;
 * - pending invitations that name no email are revoked, audited; an invitation remembers the
 *   language its mail is written in;
 * - the login throttle keeps one counter row per key (`throttle_counters`: checked and recorded in
 *   one statement) instead of one row per failure, and browsers that logged in successfully are
 *   remembered (`trusted_devices`, OWASP's device cookies).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('api_tokens')
		.addColumn('user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('scope', 'text', (c) =>
			c
				.notNull()
				.defaultTo('role')
				.check(sql`scope in ('role', 'read_write', 'read_only')`)
		)
		.addColumn('expires_at', 'timestamptz')
		.execute();
	// A token made by a person acts for that person; the ones still working get 90 days from now.
	await sql`update api_tokens set user_id = created_by,
		expires_at = now() + interval '90 days'`.execute(db);
	await sql`
		with orphaned as (
			update api_tokens t set revoked_at = now()
			where t.revoked_at is null
				and not exists (
					select 1 from memberships m where m.org_id = t.org_id and m.user_id = t.user_id
				)
			returning t.id, t.org_id, t.user_id
		)
		insert into audit_log (org_id, actor_id, action, entity_type, entity_id, new_value)
		select org_id, null, 'api_token.revoked', 'api_token', id::text,
			jsonb_build_object('revoked', true, 'reason', 'belongs_to_nobody', 'user', user_id)
		from orphaned
	`.execute(db);
	await db.schema
		.alterTable('api_tokens')
		.alterColumn('expires_at', (c) => c.setNotNull())
		.execute();
	await db.schema.createIndex('api_tokens_user_idx').on('api_tokens').column('user_id').execute();

	await db.schema
		.alterTable('invitations')
		.addColumn('language', 'text', (c) =>
			c
				.notNull()
				.defaultTo('zh')
				.check(sql`language in ('zh', 'en')`)
		)
		.execute();
	await sql`
		with emailless as (
			update invitations set revoked_at = now()
			where email is null and accepted_at is null and revoked_at is null
			returning id, org_id
		)
		insert into audit_log (org_id, actor_id, action, entity_type, entity_id, new_value)
		select org_id, null, 'invitation.revoked', 'invitation', id::text,
			jsonb_build_object('revoked', true, 'reason', 'no_email')
		from emailless
	`.execute(db);
	await db.schema
		.createIndex('invitations_created_by_idx')
		.on('invitations')
		.columns(['org_id', 'created_by'])
		.execute();

	await db.schema.dropTable('login_failures').execute();
	await db.schema
		.createTable('throttle_counters')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('failures', 'integer', (c) => c.notNull())
		.addColumn('allowance', 'integer', (c) => c.notNull())
		.addColumn('last_at', 'timestamptz', (c) => c.notNull())
		.addColumn('next_allowed_at', 'timestamptz', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('trusted_devices')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('secret_hash', 'bytea', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('last_used_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema
		.createIndex('trusted_devices_user_idx')
		.on('trusted_devices')
		.column('user_id')
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('trusted_devices').execute();
	await db.schema.dropTable('throttle_counters').execute();
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
	await db.schema.dropIndex('invitations_created_by_idx').execute();
	await db.schema.alterTable('invitations').dropColumn('language').execute();
	await db.schema.dropIndex('api_tokens_user_idx').execute();
	await db.schema
		.alterTable('api_tokens')
		.dropColumn('expires_at')
		.dropColumn('scope')
		.dropColumn('user_id')
		.execute();
}
