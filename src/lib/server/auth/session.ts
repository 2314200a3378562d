import { constantTimeEqual } from '@oslojs/crypto/subtle';
import type { Database } from '../db/connection';
import { audited, type Actor } from '../db/audited';
import {
	deleteExpiredSession,
	deleteSession,
	findSession,
	insertSession,
	updateSessionExpiry,
	updateSessionOrg
} from '../db/queries/sessions';
import { generateSecureRandomString, hashSecret } from './tokens';

const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
const RENEW_WHEN_LEFT_MS = 15 * DAY_MS;
export const SESSION_COOKIE = 'session';

export interface Session {
	id: string;
	userId: string;
	activeOrgId: string | null;
	expiresAt: Date;
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
	activeOrgId: string | null
): Promise<CreatedSession> {
	const userId = actor.userId;
	const id = generateSecureRandomString();
	const secret = generateSecureRandomString();
	const expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS);
	await audited(db, actor, async (tx) => {
		await insertSession(tx, { id, userId, secretHash: hashSecret(secret), expiresAt, activeOrgId });
		tx.record({
			action: 'user.logged_in',
			orgId: activeOrgId,
			entity: { type: 'user', id: userId },
			after: { expiresAt }
		});
	});
	return { session: { id, userId, activeOrgId, expiresAt }, token: `${id}.${secret}` };
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

/** Resolves a cookie token to a live session, sliding its expiry; null when invalid or expired. */
export async function validateSessionToken(db: Database, token: string): Promise<Session | null> {
	const [id, secret, extra] = token.split('.');
	if (!id || !secret || extra !== undefined) return null;
	const row = await findSession(db, id);
	if (!row) return null;
	if (!constantTimeEqual(hashSecret(secret), new Uint8Array(row.secret_hash))) return null;
	const expiresAt = new Date(row.expires_at);
	const now = Date.now();
	if (expiresAt.getTime() <= now) {
		await deleteExpiredSession(db, id);
		return null;
	}
	const session: Session = { id, userId: row.user_id, activeOrgId: row.active_org_id, expiresAt };
	if (expiresAt.getTime() - now < RENEW_WHEN_LEFT_MS) {
		session.expiresAt = new Date(now + SESSION_LIFETIME_MS);
		await updateSessionExpiry(db, id, session.expiresAt);
	}
	return session;
}
