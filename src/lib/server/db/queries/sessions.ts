import type { Database } from '../connection';
import type { SessionRow } from '../schema';

export type SessionRecord = Pick<
	SessionRow,
	'id' | 'user_id' | 'secret_hash' | 'active_org_id' | 'expires_at'
>;

export async function insertSession(
	db: Database,
	session: {
		id: string;
		userId: string;
		secretHash: Uint8Array;
		expiresAt: Date;
		activeOrgId: string | null;
	}
): Promise<void> {
	await db
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

export async function updateSessionExpiry(
	db: Database,
	id: string,
	expiresAt: Date
): Promise<void> {
	await db.updateTable('sessions').set({ expires_at: expiresAt }).where('id', '=', id).execute();
}

export async function updateSessionOrg(
	db: Database,
	id: string,
	orgId: string | null
): Promise<void> {
	await db.updateTable('sessions').set({ active_org_id: orgId }).where('id', '=', id).execute();
}

export async function deleteSession(db: Database, id: string): Promise<void> {
	await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteUserSessions(
	db: Database,
	userId: string,
	options: { except?: string } = {}
): Promise<void> {
	let query = db.deleteFrom('sessions').where('user_id', '=', userId);
	if (options.except) query = query.where('id', '!=', options.except);
	await query.execute();
}
