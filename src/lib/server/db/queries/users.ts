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
	/** Whether a second factor (TOTP) is set up. */
	twoFactor: boolean;
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
		.select((eb) => eb('totp_key', 'is not', null).as('two_factor'))
		.where('id', '=', id)
		.executeTakeFirst();
	if (!row) return null;
	return {
		id: row.id,
		email: row.email,
		name: row.name,
		emailVerifiedAt: row.email_verified_at ? new Date(row.email_verified_at) : null,
		language: row.language,
		twoFactor: Boolean(row.two_factor)
	};
}

export async function findUserByEmail(db: Database, email: string): Promise<UserProfile | null> {
	const id = await findUserIdByEmail(db, email);
	return id ? findUserById(db, id) : null;
}

/** A new address, verified by the code mailed to it. */
export async function changeUserEmail(
	tx: AuditedTx,
	id: string,
	email: string,
	verifiedAt: Date
): Promise<void> {
	await tx.db
		.updateTable('users')
		.set({ email, email_verified_at: verifiedAt })
		.where('id', '=', id)
		.execute();
}

/** The TOTP key, for checking a code (null: no second factor). */
export async function findTotpKey(db: Database, id: string): Promise<Uint8Array | null> {
	const row = await db
		.selectFrom('users')
		.select('totp_key')
		.where('id', '=', id)
		.executeTakeFirst();
	return row?.totp_key ? new Uint8Array(row.totp_key) : null;
}

export async function updateTotpKey(
	tx: AuditedTx,
	id: string,
	key: Uint8Array | null
): Promise<void> {
	await tx.db.updateTable('users').set({ totp_key: key }).where('id', '=', id).execute();
}

/** Deletes the account; memberships, sessions and codes go with it (foreign keys). */
export async function deleteUser(tx: AuditedTx, id: string): Promise<void> {
	await tx.db.deleteFrom('users').where('id', '=', id).execute();
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
