import { sql, type Kysely } from 'kysely';

/**
 * Accounts gain what mail needs (issue 14):
 * - `email_verified_at`: when the person proved they read the address (null: not yet). Accounts made
 *   before verification existed (the demo's, and any made by earlier releases) count as verified
 *   from when they were made: nothing asked them, and locking them out now would help nobody.
 * - `language`: the language mails are written in ('zh' or 'en'), set from the interface's language
 *   at sign-up and changed on /account.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('users')
		.addColumn('email_verified_at', 'timestamptz')
		.addColumn('language', 'text', (c) =>
			c
				.notNull()
				.defaultTo('zh')
				.check(sql`language in ('zh', 'en')`)
		)
		.execute();
	await sql`update users set email_verified_at = created_at`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('users')
		.dropColumn('language')
		.dropColumn('email_verified_at')
		.execute();
}
