import type { Database } from '../connection';
import type { AuditedTx } from '../audited';
import type { SessionRow } from '../schema';
import { toUserProfile, type UserProfile } from './users';

export type SessionRecord = Pick<
	SessionRow,
	| 'id'
	| 'user_id'
	| 'secret_hash'
	| 'active_org_id'
	| 'expires_at'
	| 'created_at'
	| 'last_seen_at'
	| 'two_factor_verified'
>;

export async function insertSession(
	tx: AuditedTx,
	session: {
		id: string;
		userId: string;
		secretHash: Uint8Array;
		expiresAt: Date;
		activeOrgId: string | null;
		twoFactorVerified: boolean;
		userAgent: string | null;
		createdAt: Date;
	}
): Promise<void> {
	await tx.db
		.insertInto('sessions')
		.values({
			id: session.id,
			user_id: session.userId,
			secret_hash: session.secretHash,
			expires_at: session.expiresAt,
			active_org_id: session.activeOrgId,
			two_factor_verified: session.twoFactorVerified,
			user_agent: session.userAgent,
			created_at: session.createdAt,
			last_seen_at: session.createdAt
		})
		.execute();
}

export async function findSession(db: Database, id: string): Promise<SessionRecord | null> {
	const row = await db
		.selectFrom('sessions')
		.select([
			'id',
			'user_id',
			'secret_hash',
			'active_org_id',
			'expires_at',
			'created_at',
			'last_seen_at',
			'two_factor_verified'
		])
		.where('id', '=', id)
		.executeTakeFirst();
	return row ?? null;
}

/**
 * A session and its person in one query (every signed-in request reads both): the person is null
 * when the user row is gone.
 */
export async function findSessionWithUser(
	db: Database,
	id: string
): Promise<{ session: SessionRecord; user: UserProfile | null } | null> {
	const row = await db
		.selectFrom('sessions as s')
		.leftJoin('users as u', 'u.id', 's.user_id')
		.select([
			's.id',
			's.user_id',
			's.secret_hash',
			's.active_org_id',
			's.expires_at',
			's.created_at',
			's.last_seen_at',
			's.two_factor_verified',
			'u.id as u_id',
			'u.email as u_email',
			'u.name as u_name',
			'u.email_verified_at as u_email_verified_at',
			'u.language as u_language'
		])
		.select((eb) => eb('u.totp_key', 'is not', null).as('u_two_factor'))
		.where('s.id', '=', id)
		.executeTakeFirst();
	if (!row) return null;
	const { u_id, u_email, u_name, u_email_verified_at, u_language, u_two_factor, ...session } = row;
	return {
		session,
		user:
			u_id === null || u_email === null || u_name === null || u_language === null
				? null
				: toUserProfile({
						id: u_id,
						email: u_email,
						name: u_name,
						email_verified_at: u_email_verified_at,
						language: u_language,
						two_factor: u_two_factor
					})
	};
}

/** Bookkeeping (not audited): a session's sliding expiry and when it was last used. */
export async function updateSessionExpiry(
	db: Database,
	id: string,
	expiresAt: Date,
	lastSeenAt: Date = new Date()
): Promise<void> {
	await db
		.updateTable('sessions')
		.set({ expires_at: expiresAt, last_seen_at: lastSeenAt })
		.where('id', '=', id)
		.execute();
}

/** The second factor was given in this session. */
export async function markSessionTwoFactorVerified(tx: AuditedTx, id: string): Promise<void> {
	await tx.db
		.updateTable('sessions')
		.set({ two_factor_verified: true })
		.where('id', '=', id)
		.execute();
}

export interface SessionListing {
	id: string;
	createdAt: Date;
	lastSeenAt: Date;
	userAgent: string | null;
}

/** The person's sessions that have not run out, most recently used first. */
export async function listUserSessions(
	db: Database,
	userId: string,
	now: Date
): Promise<SessionListing[]> {
	const rows = await db
		.selectFrom('sessions')
		.select(['id', 'created_at', 'last_seen_at', 'user_agent'])
		.where('user_id', '=', userId)
		.where('expires_at', '>', now)
		.orderBy('last_seen_at', 'desc')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		createdAt: new Date(r.created_at),
		lastSeenAt: new Date(r.last_seen_at),
		userAgent: r.user_agent
	}));
}

/** Bookkeeping (not audited): the organisation the session opens next, a preference. */
export async function updateSessionOrg(
	db: Database,
	id: string,
	orgId: string | null
): Promise<void> {
	await db.updateTable('sessions').set({ active_org_id: orgId }).where('id', '=', id).execute();
}

/** Bookkeeping (not audited): a session that ran out (idle or too old), found on its next use. */
export async function deleteExpiredSession(db: Database, id: string, now: Date): Promise<void> {
	await db.deleteFrom('sessions').where('id', '=', id).where('last_seen_at', '<', now).execute();
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
