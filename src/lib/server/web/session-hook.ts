import type { RequestEvent } from '@sveltejs/kit';
import type { Database } from '../db/connection';
import { SESSION_COOKIE, validateSessionTokenWithUser } from '../auth/session';
import { deleteSessionTokenCookie, setSessionTokenCookie } from './session-cookie';

export function isSecureRequest(event: RequestEvent): boolean {
	return event.url.protocol === 'https:';
}

/** Resolves the session cookie into locals; the only thing the hook does for auth. */
export async function resolveSession(event: RequestEvent, db: Database): Promise<void> {
	event.locals.user = null;
	event.locals.session = null;
	const token = event.cookies.get(SESSION_COOKIE);
	if (!token) return;
	// The session and its person in one query.
	const found = await validateSessionTokenWithUser(db, token);
	if (!found) {
		deleteSessionTokenCookie(event.cookies, isSecureRequest(event));
		return;
	}
	const { session, user } = found;
	if (!user) {
		deleteSessionTokenCookie(event.cookies, isSecureRequest(event));
		return;
	}
	setSessionTokenCookie(event.cookies, token, session.expiresAt, isSecureRequest(event));
	event.locals.session = session;
	event.locals.user = user;
}
