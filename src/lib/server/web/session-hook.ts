import type { RequestEvent } from '@sveltejs/kit';
import type { Database } from '../db/connection';
import { findUserById } from '../db/queries/users';
import { SESSION_COOKIE, validateSessionToken } from '../auth/session';
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
	const session = await validateSessionToken(db, token);
	if (!session) {
		deleteSessionTokenCookie(event.cookies, isSecureRequest(event));
		return;
	}
	const user = await findUserById(db, session.userId);
	if (!user) {
		deleteSessionTokenCookie(event.cookies, isSecureRequest(event));
		return;
	}
	setSessionTokenCookie(event.cookies, token, session.expiresAt, isSecureRequest(event));
	event.locals.session = session;
	event.locals.user = user;
}
