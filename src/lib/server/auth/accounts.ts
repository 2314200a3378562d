import type { Database } from '../db/connection';
import { audited, type Actor } from '../db/audited';
import type { Language, OrgKind } from '../db/schema';
import { deleteUserSessions } from '../db/queries/sessions';
import {
	findCredentials,
	findUserIdByEmail,
	insertUser,
	updatePasswordHash
} from '../db/queries/users';
import { createOrganisationIn } from '../orgs/organisations';
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from './password';
import {
	clearThrottle,
	loginAccountKey,
	loginAddressKey,
	loginDeviceKey,
	passwordCheckKey,
	throttleAttempt,
	trustDevice,
	trustedDeviceOf
} from './throttle';

export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

export type SignUpResult =
	{ ok: true; userId: string; orgId: string | null } | { ok: false; reason: 'email_taken' };

/** Signs a person up (with their organisation, unless they join one by invitation): they are the actor. */
export async function signUp(
	db: Database,
	input: {
		name: string;
		email: string;
		password: string;
		orgName: string | null;
		orgKind: OrgKind;
		/** The interface's language at sign-up: the language of their mails until they change it (zh). */
		language?: Language;
		/** Set for accounts whose address is known good without a code (the demo's). */
		emailVerifiedAt?: Date | null;
		/** The request, for the audit row. */
		requestId?: string | null;
	}
): Promise<SignUpResult> {
	const email = normaliseEmail(input.email);
	if (await findUserIdByEmail(db, email)) return { ok: false, reason: 'email_taken' };
	const passwordHash = await hashPassword(input.password);
	const userId = crypto.randomUUID();
	const actor: Actor = { userId, requestId: input.requestId };
	try {
		const orgId = await audited(db, actor, async (tx) => {
			const name = input.name.trim();
			const emailVerifiedAt = input.emailVerifiedAt ?? null;
			const language = input.language ?? 'zh';
			await insertUser(tx, { id: userId, email, name, passwordHash, language, emailVerifiedAt });
			tx.record({
				action: 'user.signed_up',
				orgId: null,
				entity: { type: 'user', id: userId },
				after: { email, name, language, emailVerified: emailVerifiedAt !== null }
			});
			// Someone joining by invitation starts with no organisation of their own.
			if (input.orgName === null) return null;
			return createOrganisationIn(tx, {
				name: input.orgName,
				kind: input.orgKind,
				ownerId: userId
			});
		});
		return { ok: true, userId, orgId };
	} catch (error) {
		// Two sign-ups racing for one email: the unique index decides.
		if (await findUserIdByEmail(db, email)) return { ok: false, reason: 'email_taken' };
		throw error;
	}
}

export type LogInResult =
	| { ok: true; userId: string; device: string }
	| { ok: false; reason: 'wrong_credentials' }
	| { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * Checks the password, throttled (./throttle.ts): from a browser this account trusts (`device`,
 * its cookie) against that browser's own allowance, from anywhere else against the account's and
 * the address's. On success, `device` is the cookie that makes this browser trusted.
 */
export async function logIn(
	db: Database,
	input: { email: string; password: string; address: string; device?: string | null }
): Promise<LogInResult> {
	const email = normaliseEmail(input.email);
	const credentials = await findCredentials(db, { email });
	const trusted = credentials ? await trustedDeviceOf(db, input.device, credentials.id) : null;
	const keys = trusted
		? [loginDeviceKey(trusted)]
		: [loginAccountKey(email), loginAddressKey(input.address)];
	const throttle = await throttleAttempt(db, keys);
	if (!throttle.allowed)
		return { ok: false, reason: 'throttled', retryAfterSeconds: throttle.retryAfterSeconds };
	if (!credentials) {
		await verifyAgainstDummy(input.password);
		return { ok: false, reason: 'wrong_credentials' };
	}
	if (!(await verifyPassword(credentials.passwordHash, input.password)))
		return { ok: false, reason: 'wrong_credentials' };
	// The account's (or the device's) count starts again; the address's does not, or an attacker
	// could clear it by logging in to an account of their own between guesses.
	await clearThrottle(db, keys[0]!);
	const device = await trustDevice(db, credentials.id, trusted, input.device);
	// A hash made cheaply (by a test run) or at a lower cost than today's: store one at today's cost,
	// now that the password is at hand.
	if (needsRehash(credentials.passwordHash)) {
		const passwordHash = await hashPassword(input.password);
		await audited(db, { userId: credentials.id }, async (tx) => {
			await updatePasswordHash(tx, credentials.id, passwordHash);
			// The hash is not written: that it was renewed at today's cost is the record.
			tx.record({
				action: 'user.password_rehashed',
				orgId: null,
				entity: { type: 'user', id: credentials.id }
			});
		});
	}
	return { ok: true, userId: credentials.id, device };
}

/** Changes the password and ends every other session of the user (who is the actor). */
export async function changePassword(
	db: Database,
	actor: Actor & { userId: string },
	input: { currentPassword: string; newPassword: string; keepSessionId: string }
): Promise<
	| { ok: true }
	| { ok: false; reason: 'wrong_password' }
	| { ok: false; reason: 'throttled'; retryAfterSeconds: number }
> {
	const userId = actor.userId;
	// A stolen session must not become a way to guess the password: the check is throttled too.
	const throttle = await throttleAttempt(db, [passwordCheckKey(userId)]);
	if (!throttle.allowed)
		return { ok: false, reason: 'throttled', retryAfterSeconds: throttle.retryAfterSeconds };
	const credentials = await findCredentials(db, { id: userId });
	if (!credentials || !(await verifyPassword(credentials.passwordHash, input.currentPassword))) {
		return { ok: false, reason: 'wrong_password' };
	}
	await clearThrottle(db, passwordCheckKey(userId));
	const passwordHash = await hashPassword(input.newPassword);
	await audited(db, actor, async (tx) => {
		await updatePasswordHash(tx, userId, passwordHash);
		const ended = await deleteUserSessions(tx, userId, { except: input.keepSessionId });
		// Neither hash is written: that the password changed, and what it ended, is the record.
		tx.record({
			action: 'user.password_changed',
			orgId: null,
			entity: { type: 'user', id: userId },
			after: { otherLoginsEnded: ended }
		});
	});
	return { ok: true };
}
