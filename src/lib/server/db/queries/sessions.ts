import type { Database } from '../connection';
import type { AuditedTx } from '../audited';
import type { SessionRow } from '../schema';

export type SessionRecord = Pick<
	SessionRow,
	'id' | 'user_id' | 'secret_hash' | 'active_org_id' | 'expires_at'
>;

export async function insertSession(
	tx: AuditedTx,
	session: {
		id: string;
		userId: string;
		secretHash: Uint8Array;
		expiresAt: Date;
		activeOrgId: string | null;
	}
): Promise<void> {
	await tx.db
		.insertInto('sessions')
		.values({
			id: session.id,
			user_id: session.userId,
			secret_hash: session.secretHash,
			expires_at: session.expiresAt,
			active_org_id: session.activeOrgId
		})
		.execute();
}

export async function findSession(db: Database, id: string): Promise<SessionRecord | null> {
	const row = await db
		.selectFrom('sessions')
		.select(['id', 'user_id', 'secret_hash', 'active_org_id', 'expires_at'])
		.where('id', '=', id)
		.executeTakeFirst();
	return row ?? null;
}

/** Bookkeeping (not audited): a session's sliding expiry. */
export async function updateSessionExpiry(
	db: Database,
	id: string,
	expiresAt: Date
): Promise<void> {
	await db.updateTable('sessions').set({ expires_at: expiresAt }).where('id', '=', id).execute();
}

/** Bookkeeping (not audited): the organisation the session opens next, a preference. */
export async function updateSessionOrg(
	db: Database,
	id: string,
	orgId: string | null
): Promise<void> {
	await db.updateTable('sessions').set({ active_org_id: orgId }).where('id', '=', id).execute();
}

/** Bookkeeping (not audited): a session that ran out, found on its next use. */
export async function deleteExpiredSession(db: Database, id: string): Promise<void> {
	await db
		.deleteFrom('sessions')
		.where('id', '=', id)
		.where('expires_at', '<=', new Date())
		.execute();
}

/** A logout. */
export async function deleteSession(tx: AuditedTx, id: string): Promise<void> {
	await tx.db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends the user's sessions (but `except`); answers how many. */
export async function deleteUserSessions(
	tx: AuditedTx,
	userId: string,
	options: { except?: string } = {}
): Promise<number> {
	let query = tx.db.deleteFrom('sessions').where('user_id', '=', userId);
	if (options.except) query = query.where('id', '!=', options.except);
	const result = await query.executeTakeFirst();
	return Number(result.numDeletedRows);
}
