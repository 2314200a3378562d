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
	return row ? toUserProfile(row) : null;
}

/** A user's row as the app knows the person (findUserById's columns, read here or joined). */
export function toUserProfile(row: {
	id: string;
	email: string;
	name: string;
	email_verified_at: Date | string | null;
	language: Language;
	two_factor: unknown;
}): UserProfile {
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

/**
 * The TOTP key as stored (sealed: auth/secret-box.ts), and the time step of the last code accepted;
 * null: no second factor.
 */
export async function findTotpKey(
	db: Database,
	id: string
): Promise<{ sealed: Uint8Array; lastStep: number | null } | null> {
	const row = await db
		.selectFrom('users')
		.select(['totp_key', 'totp_last_step'])
		.where('id', '=', id)
		.executeTakeFirst();
	if (!row?.totp_key) return null;
	return {
		sealed: new Uint8Array(row.totp_key),
		lastStep: row.totp_last_step === null ? null : Number(row.totp_last_step)
	};
}

/** Sets (sealed) or clears the key; `lastStep` is the step of the code that set it up. */
export async function updateTotpKey(
	tx: AuditedTx,
	id: string,
	key: { sealed: Uint8Array; lastStep: number } | null
): Promise<void> {
	await tx.db
		.updateTable('users')
		.set({ totp_key: key?.sealed ?? null, totp_last_step: key?.lastStep ?? null })
		.where('id', '=', id)
		.execute();
}

/**
 * Bookkeeping (not audited: the log-in or change the code allows is): records the step of an
 * accepted code, only if it is later than the last one, in one statement. False: this step (or a
 * later one) was already used, so the code is a replay, however many requests race with it.
 */
export async function advanceTotpStep(db: Database, id: string, step: number): Promise<boolean> {
	const result = await db
		.updateTable('users')
		.set({ totp_last_step: step })
		.where('id', '=', id)
		.where('totp_key', 'is not', null)
		.where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
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
