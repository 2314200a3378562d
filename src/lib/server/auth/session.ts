import { constantTimeEqual } from '@oslojs/crypto/subtle';
import type { Database } from '../db/connection';
import {
	deleteSession,
	findSession,
	insertSession,
	updateSessionExpiry
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

export async function createSession(
	db: Database,
	userId: string,
	activeOrgId: string | null
): Promise<CreatedSession> {
	const id = generateSecureRandomString();
	const secret = generateSecureRandomString();
	const expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS);
	await insertSession(db, { id, userId, secretHash: hashSecret(secret), expiresAt, activeOrgId });
	return { session: { id, userId, activeOrgId, expiresAt }, token: `${id}.${secret}` };
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
		await deleteSession(db, id);
		return null;
	}
	const session: Session = { id, userId: row.user_id, activeOrgId: row.active_org_id, expiresAt };
	if (expiresAt.getTime() - now < RENEW_WHEN_LEFT_MS) {
		session.expiresAt = new Date(now + SESSION_LIFETIME_MS);
		await updateSessionExpiry(db, id, session.expiresAt);
	}
	return session;
}
