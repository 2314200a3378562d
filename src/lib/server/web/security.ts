import { redirect, type Cookies, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { passwordWeakness } from '../auth/password-strength';
import { requiresTwoFactor } from '../auth/org-policy';
import type { Session } from '../auth/session';
import type { UserProfile } from '../db/queries/users';
import { runtime } from './runtime';

/** The password's weakness in the reader's language; null when it is strong enough. */
export function passwordProblem(password: string, personal: string[] = []): string | null {
	switch (passwordWeakness(password, personal)) {
		case null:
			return null;
		case 'common':
			return m.password_weak_common();
		case 'repeated':
			return m.password_weak_repeated();
		case 'sequence':
			return m.password_weak_sequence();
		case 'personal':
			return m.password_weak_personal();
		default:
			return m.password_weak_guessable();
	}
}

/**
 * Who signed up in this browser and has a code to enter (no session until they do: a session would
 * tell a registered address from a new one). Holds the address only.
 */
const PENDING_SIGNUP = 'pending_signup';

export function setPendingSignUp(event: RequestEvent, email: string): void {
	event.cookies.set(PENDING_SIGNUP, email, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:',
		maxAge: 60 * 60
	});
}

export function pendingSignUp(cookies: Cookies): string | null {
	return cookies.get(PENDING_SIGNUP) ?? null;
}

export function clearPendingSignUp(event: RequestEvent): void {
	event.cookies.delete(PENDING_SIGNUP, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: event.url.protocol === 'https:'
	});
}

const here = (event: RequestEvent) => encodeURIComponent(event.url.pathname + event.url.search);

/**
 * What a signed-in person may reach before anything else: an unverified address reaches the
 * verification page (and log-out) only; a person with two-factor who has not given the second
 * factor in this session reaches the two-factor page only. Called by every guard (requireUser).
 */
export function securityGate(event: RequestEvent, user: UserProfile, session: Session): void {
	if (!user.emailVerifiedAt) redirect(303, `/verify-email?next=${here(event)}`);
	if (user.twoFactor && !session.twoFactorVerified)
		redirect(303, `/two-factor?next=${here(event)}`);
}

/** An organisation that requires two-factor sends a member without it to set it up. */
export async function organisationGate(
	event: RequestEvent,
	user: UserProfile,
	orgId: string
): Promise<void> {
	if (user.twoFactor) return;
	if (await requiresTwoFactor(runtime().db, orgId))
		redirect(303, `/account/two-factor?org=${orgId}&next=${here(event)}`);
}
