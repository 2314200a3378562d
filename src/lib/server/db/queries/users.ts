import type { Database } from '../connection';
import type { AuditedTx } from '../audited';

export interface UserProfile {
	id: string;
	email: string;
	name: string;
}

export async function insertUser(
	tx: AuditedTx,
	user: { id: string; email: string; name: string; passwordHash: string }
): Promise<void> {
	await tx.db
		.insertInto('users')
		.values({ id: user.id, email: user.email, name: user.name, password_hash: user.passwordHash })
		.execute();
}

export async function findUserById(db: Database, id: string): Promise<UserProfile | null> {
	const row = await db
		.selectFrom('users')
		.select(['id', 'email', 'name'])
		.where('id', '=', id)
		.executeTakeFirst();
	return row ?? null;
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
