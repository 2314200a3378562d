import { constantTimeEqual } from '@oslojs/crypto/subtle';
import type { Database } from '../db/connection';
import { audited, type Actor } from '../db/audited';
import {
	deleteExpiredSession,
	deleteSession,
	deleteUserSessions,
	findSession,
	findSessionWithUser,
	insertSession,
	listUserSessions,
	markSessionTwoFactorVerified,
	updateSessionExpiry,
	updateSessionOrg,
	type SessionListing,
	type SessionRecord
} from '../db/queries/sessions';
import type { UserProfile } from '../db/queries/users';
import { readServerEnv } from '../env';
import { generateSecureRandomString, hashSecret } from './tokens';

export const SESSION_COOKIE = 'session';
/** Last use is written at most this often (the idle clock is this coarse). */
const TOUCH_EVERY_MS = 60_000;

/** Idle timeout and absolute lifetime: SESSION_IDLE_HOURS (12) and SESSION_MAX_DAYS (30). */
export function sessionLimits(): { idleMs: number; maxMs: number } {
	const env = readServerEnv();
	return { idleMs: env.sessionIdleMs, maxMs: env.sessionMaxMs };
}

/** When a session used at `lastSeenAt` and made at `createdAt` ends: idle, or at its absolute age. */
export function sessionEnd(createdAt: Date, lastSeenAt: Date): Date {
	const { idleMs, maxMs } = sessionLimits();
	return new Date(Math.min(createdAt.getTime() + maxMs, lastSeenAt.getTime() + idleMs));
}

export interface Session {
	id: string;
	userId: string;
	activeOrgId: string | null;
	expiresAt: Date;
	/** The second factor was given in this session (or the person has none). */
	twoFactorVerified: boolean;
}

export interface CreatedSession {
	session: Session;
	/** `<id>.<secret>`: the cookie value; only the secret's SHA-256 is stored. */
	token: string;
}

/** A login: the person (the actor) gets a new session. Audited without the session's id or secret. */
export async function createSession(
	db: Database,
	actor: Actor & { userId: string },
	activeOrgId: string | null,
	options: { twoFactorVerified?: boolean; userAgent?: string | null; action?: string } = {}
): Promise<CreatedSession> {
	const userId = actor.userId;
	const id = generateSecureRandomString();
	const secret = generateSecureRandomString();
	const createdAt = new Date();
	const expiresAt = sessionEnd(createdAt, createdAt);
	const twoFactorVerified = options.twoFactorVerified ?? false;
	await audited(db, actor, async (tx) => {
		await insertSession(tx, {
			id,
			userId,
			secretHash: hashSecret(secret),
			expiresAt,
			activeOrgId,
			twoFactorVerified,
			userAgent: options.userAgent?.slice(0, 300) ?? null,
			createdAt
		});
		tx.record({
			action: options.action ?? 'user.logged_in',
			orgId: activeOrgId,
			entity: { type: 'user', id: userId },
			after: { expiresAt }
		});
	});
	return {
		session: { id, userId, activeOrgId, expiresAt, twoFactorVerified },
		token: `${id}.${secret}`
	};
}

/** The second factor given: the session reaches everything. */
export async function markTwoFactorVerified(
	db: Database,
	actor: Actor & { userId: string },
	sessionId: string,
	how: 'totp' | 'recovery_code'
): Promise<void> {
	await audited(db, actor, async (tx) => {
		await markSessionTwoFactorVerified(tx, sessionId);
		tx.record({
			action: 'user.second_factor_passed',
			orgId: null,
			entity: { type: 'user', id: actor.userId },
			after: { how }
		});
	});
}

/** The person's sessions, for /account. */
export function sessionsOf(db: Database, userId: string): Promise<SessionListing[]> {
	return listUserSessions(db, userId, new Date());
}

/** "Sign out elsewhere": ends every session of the person but this one; answers how many. */
export async function endOtherSessions(
	db: Database,
	actor: Actor & { userId: string },
	keepSessionId: string
): Promise<number> {
	return audited(db, actor, async (tx) => {
		const ended = await deleteUserSessions(tx, actor.userId, { except: keepSessionId });
		tx.record({
			action: 'user.sessions_ended',
			orgId: null,
			entity: { type: 'user', id: actor.userId },
			after: { ended }
		});
		return ended;
	});
}

/** A logout: the session ends. */
export async function endSession(
	db: Database,
	actor: Actor & { userId: string },
	sessionId: string
): Promise<void> {
	await audited(db, actor, async (tx) => {
		await deleteSession(tx, sessionId);
		tx.record({
			action: 'user.logged_out',
			orgId: null,
			entity: { type: 'user', id: actor.userId }
		});
	});
}

/**
 * The organisation the session opens next time (bookkeeping, not audited: a preference of the
 * session, which opening an organisation's page also sets).
 */
export async function rememberActiveOrganisation(
	db: Database,
	session: Session,
	orgId: string
): Promise<void> {
	if (session.activeOrgId !== orgId) await updateSessionOrg(db, session.id, orgId);
}

/**
 * Resolves a cookie token to a live session; null when invalid, idle too long or too old. Each use
 * moves the idle clock (written at most once a minute); the absolute lifetime never moves.
 */
export async function validateSessionToken(db: Database, token: string): Promise<Session | null> {
	const [id, secret, extra] = token.split('.');
	if (!id || !secret || extra !== undefined) return null;
	const row = await findSession(db, id);
	return row ? liveSession(db, id, secret, row) : null;
}

/**
 * validateSessionToken and the session's person, read in one query (the session hook's, on every
 * request); the person is null when their row is gone.
 */
export async function validateSessionTokenWithUser(
	db: Database,
	token: string
): Promise<{ session: Session; user: UserProfile | null } | null> {
	const [id, secret, extra] = token.split('.');
	if (!id || !secret || extra !== undefined) return null;
	const found = await findSessionWithUser(db, id);
	if (!found) return null;
	const session = await liveSession(db, id, secret, found.session);
	return session ? { session, user: found.user } : null;
}

/** The session of a stored row if the secret is its own and it has not ended (moving its clock). */
async function liveSession(
	db: Database,
	id: string,
	secret: string,
	row: SessionRecord
): Promise<Session | null> {
	if (!constantTimeEqual(hashSecret(secret), new Uint8Array(row.secret_hash))) return null;
	const now = new Date();
	const createdAt = new Date(row.created_at);
	const lastSeenAt = new Date(row.last_seen_at);
	// The limits now in force (they may have been shortened since the session began).
	const end = new Date(
		Math.min(new Date(row.expires_at).getTime(), sessionEnd(createdAt, lastSeenAt).getTime())
	);
	if (end.getTime() <= now.getTime()) {
		await deleteExpiredSession(db, id, now);
		return null;
	}
	const session: Session = {
		id,
		userId: row.user_id,
		activeOrgId: row.active_org_id,
		expiresAt: end,
		twoFactorVerified: row.two_factor_verified
	};
	if (now.getTime() - lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
		session.expiresAt = sessionEnd(createdAt, now);
		await updateSessionExpiry(db, id, session.expiresAt, now);
	}
	return session;
}
