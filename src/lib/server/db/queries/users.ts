import type { Database } from '../connection';
import type { AuditedTx } from '../audited';
import type { Language } from '../schema';

export interface UserProfile {
	id: string;
	email: string;
	name: string;
	/** Null until the person entered the code mailed to the address. */
	emailVerifiedAt: Date | null;
	/** The language of their mails. */
	language: Language;
}

export async function insertUser(
	tx: AuditedTx,
	user: {
		id: string;
		email: string;
		name: string;
		passwordHash: string;
		language?: Language;
		emailVerifiedAt?: Date | null;
	}
): Promise<void> {
	await tx.db
		.insertInto('users')
		.values({
			id: user.id,
			email: user.email,
			name: user.name,
			password_hash: user.passwordHash,
			language: user.language ?? 'zh',
			email_verified_at: user.emailVerifiedAt ?? null
		})
		.execute();
}

export async function findUserById(db: Database, id: string): Promise<UserProfile | null> {
	const row = await db
		.selectFrom('users')
		.select(['id', 'email', 'name', 'email_verified_at', 'language'])
		.where('id', '=', id)
		.executeTakeFirst();
	if (!row) return null;
	return {
		id: row.id,
		email: row.email,
		name: row.name,
		emailVerifiedAt: row.email_verified_at ? new Date(row.email_verified_at) : null,
		language: row.language
	};
}

export async function markEmailVerified(tx: AuditedTx, id: string, at: Date): Promise<void> {
	await tx.db.updateTable('users').set({ email_verified_at: at }).where('id', '=', id).execute();
}

export async function updateUserLanguage(
	tx: AuditedTx,
	id: string,
	language: Language
): Promise<void> {
	await tx.db.updateTable('users').set({ language }).where('id', '=', id).execute();
}

export async function findUserIdByEmail(db: Database, email: string): Promise<string | null> {
	const row = await db
		.selectFrom('users')
		.select('id')
		.where('email', '=', email)
		.executeTakeFirst();
	return row?.id ?? null;
}

/** The only query that reads a password hash: used by login and password change. */
export async function findCredentials(
	db: Database,
	by: { email: string } | { id: string }
): Promise<{ id: string; passwordHash: string } | null> {
	let query = db.selectFrom('users').select(['id', 'password_hash']);
	query = 'email' in by ? query.where('email', '=', by.email) : query.where('id', '=', by.id);
	const row = await query.executeTakeFirst();
	return row ? { id: row.id, passwordHash: row.password_hash } : null;
}

export async function updatePasswordHash(
	tx: AuditedTx,
	id: string,
	passwordHash: string
): Promise<void> {
	await tx.db
		.updateTable('users')
		.set({ password_hash: passwordHash })
		.where('id', '=', id)
		.execute();
}
