import type { RequestEvent } from '@sveltejs/kit';
import { createSession } from '../auth/session';
import { setSessionTokenCookie } from './session-cookie';
import { runtime } from './runtime';
import { isSecureRequest } from './session-hook';

/** A fresh session id on every login, so a planted cookie never becomes a live session. */
export async function startSession(
	event: RequestEvent,
	userId: string,
	activeOrgId: string | null,
	options: { twoFactorVerified?: boolean } = {}
): Promise<void> {
	const actor = { userId, requestId: event.locals.requestId };
	const { session, token } = await createSession(runtime().db, actor, activeOrgId, {
		twoFactorVerified: options.twoFactorVerified ?? false,
		userAgent: event.request.headers.get('user-agent')
	});
	setSessionTokenCookie(event.cookies, token, session.expiresAt, isSecureRequest(event));
}
