import type { RequestEvent } from '@sveltejs/kit';
import {
	pendingVerification,
	resendVerificationCode,
	verifyEmailCode,
	type VerifyResult
} from '../auth/email-verification';
import { findUserByEmail, findUserById } from '../db/queries/users';
import { membershipsOf } from '../orgs/organisations';
import { userActor } from './guards/auth';
import { runtime } from './runtime';
import { clearPendingSignUp, pendingSignUp } from './security';
import { startSession } from './start-session';

/**
 * The verification page serves two people: one signed in whose address (or new address) waits for
 * its code, and one who just signed up in this browser (no session yet: see security.ts). For the
 * second, a registered address looks exactly like a new one: the page asks for a code either way,
 * and no code works for an address that has one already verified.
 */
export async function pendingVerificationFor(
	event: RequestEvent
): Promise<{ email: string } | null> {
	const db = runtime().db;
	const user = event.locals.user;
	if (user) {
		const pending = await pendingVerification(db, user.id);
		if (pending) return { email: pending.email };
		return user.emailVerifiedAt ? null : { email: user.email };
	}
	const email = pendingSignUp(event.cookies);
	return email ? { email } : null;
}

export async function verifyCodeFor(
	event: RequestEvent,
	code: string
): Promise<(VerifyResult & { ok: false }) | { ok: true; home: string }> {
	const db = runtime().db;
	const user = event.locals.user;
	if (user) {
		const result = await verifyEmailCode(db, userActor(event, user.id), { userId: user.id, code });
		if (!result.ok) return result;
		return { ok: true, home: result.changed ? '/account' : '/' };
	}
	const email = pendingSignUp(event.cookies);
	const person = email ? await findUserByEmail(db, email) : null;
	if (!person || person.emailVerifiedAt) return { ok: false, reason: 'wrong_code' };
	const result = await verifyEmailCode(db, userActor(event, person.id), {
		userId: person.id,
		code
	});
	if (!result.ok) return result;
	clearPendingSignUp(event);
	// The code reached the address: the person who typed it is signed in (a new account has no
	// second factor yet).
	const memberships = await membershipsOf(db, person.id);
	const orgId = memberships[0]?.orgId ?? null;
	const verified = await findUserById(db, person.id);
	await startSession(event, person.id, orgId, { twoFactorVerified: !verified?.twoFactor });
	return { ok: true, home: orgId ? `/o/${orgId}` : '/orgs' };
}

/** Mails a new code; true also when there is nobody to mail (the page must not tell). */
export async function resendCodeFor(event: RequestEvent): Promise<boolean> {
	const db = runtime().db;
	const user = event.locals.user;
	if (user) return resendVerificationCode(db, userActor(event, user.id), user.id);
	const email = pendingSignUp(event.cookies);
	const person = email ? await findUserByEmail(db, email) : null;
	if (!person || person.emailVerifiedAt) return true;
	return resendVerificationCode(db, userActor(event, person.id), person.id);
}
