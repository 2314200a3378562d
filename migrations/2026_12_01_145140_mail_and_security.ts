import { sql, type Kysely } from 'kysely';

/**
 * Mail and account security (issue 14, part 1):
 * - `outbox`: every mail, written in the transaction of the change that sends it, sent once by
 *   whichever app instance claims it (`for update skip locked`), retried with growing delays. The
 *   body is kept until sent (an owner's outbox page and `admin outbox` show what is pending), then
 *   emptied: codes and links do not stay in the database.
 * - `email_verifications`: the code mailed at sign-up or change of email (its SHA-256 only),
 *   one per person, with its expiry and wrong tries.
 * - `password_resets`: a reset link's token (its SHA-256 only), expiry, use.
 * - two-factor: `users.totp_key`, `recovery_codes` (SHA-256 each), `sessions.two_factor_verified`.
 * - sessions end when idle or at an absolute age: `last_seen_at`, with `created_at` already there;
 *   `user_agent` so a person can tell their sessions apart.
 * - `organisations.require_two_factor`: members without a second factor are sent to set one up.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('outbox')
		.addColumn('id', 'uuid', (c) => c.primaryKey())
		.addColumn('org_id', 'uuid', (c) => c.references('organisations.id').onDelete('cascade'))
		.addColumn('user_id', 'uuid', (c) => c.references('users.id').onDelete('cascade'))
		.addColumn('to_address', 'text', (c) => c.notNull())
		.addColumn('language', 'text', (c) => c.notNull().check(sql`language in ('zh', 'en')`))
		.addColumn('template', 'text', (c) => c.notNull())
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('body_text', 'text', (c) => c.notNull())
		.addColumn('body_html', 'text', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('last_error', 'text')
		.addColumn('sent_at', 'timestamptz')
		.addColumn('failed_at', 'timestamptz')
		.execute();
	await sql`create index outbox_pending_idx on outbox (next_attempt_at) where sent_at is null and failed_at is null`.execute(
		db
	);
	await db.schema
		.createIndex('outbox_org_idx')
		.on('outbox')
		.columns(['org_id', 'created_at'])
		.execute();

	await db.schema
		.createTable('email_verifications')
		.addColumn('user_id', 'uuid', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('code_hash', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'timestamptz', (c) => c.notNull())
		.addColumn('wrong_tries', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	await db.schema
		.createTable('password_resets')
		.addColumn('id', 'uuid', (c) => c.primaryKey())
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('expires_at', 'timestamptz', (c) => c.notNull())
		.addColumn('used_at', 'timestamptz')
		.execute();
	await db.schema
		.createIndex('password_resets_user_idx')
		.on('password_resets')
		.column('user_id')
		.execute();

	await db.schema.alterTable('users').addColumn('totp_key', 'bytea').execute();
	await db.schema
		.createTable('recovery_codes')
		.addColumn('id', 'uuid', (c) => c.primaryKey())
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('code_hash', 'text', (c) => c.notNull())
		.addColumn('used_at', 'timestamptz')
		.execute();
	await db.schema
		.createIndex('recovery_codes_user_idx')
		.on('recovery_codes')
		.column('user_id')
		.execute();

	await db.schema
		.alterTable('sessions')
		.addColumn('two_factor_verified', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('last_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('user_agent', 'text')
		.execute();
	await db.schema
		.alterTable('organisations')
		.addColumn('require_two_factor', 'boolean', (c) => c.notNull().defaultTo(false))
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('organisations').dropColumn('require_two_factor').execute();
	await db.schema
		.alterTable('sessions')
		.dropColumn('user_agent')
		.dropColumn('last_seen_at')
		.dropColumn('two_factor_verified')
		.execute();
	await db.schema.dropTable('recovery_codes').execute();
	await db.schema.alterTable('users').dropColumn('totp_key').execute();
	await db.schema.dropTable('password_resets').execute();
	await db.schema.dropTable('email_verifications').execute();
	await db.schema.dropTable('outbox').execute();
}
