import type { Database } from '../db/connection';
import { audited, type Actor } from '../db/audited';
import type { Language, OrgKind } from '../db/schema';
import { deleteUserSessions } from '../db/queries/sessions';
import { countOwners, listMemberships } from '../db/queries/organisations';
import {
	deleteUser,
	findCredentials,
	findUserByEmail,
	findUserById,
	findUserIdByEmail,
	insertUser,
	updatePasswordHash,
	updateUserLanguage
} from '../db/queries/users';
import { voidPasswordResets } from '../db/queries/password-resets';
import { enqueueMail } from '../mail/outbox';
import { startEmailVerification } from './email-verification';
import { createOrganisationIn } from '../orgs/organisations';
import { revokeTokensOfUser } from './api-tokens';
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
	| { ok: true; userId: string; orgId: string | null; verified: boolean }
	| { ok: false; reason: 'email_taken' };

/**
 * Signs a person up (with their organisation, unless they join one by invitation): they are the
 * actor. Unless the address is vouched for (`emailVerifiedAt`: the demo, the operator), a code is
 * mailed to it, in the same change. `origin` (the web's) lets an address already registered get a
 * mail instead: see `signUpOrNotify`.
 */
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
		/** Set for accounts whose address is known good without a code (the demo's, the operator's). */
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
	const emailVerifiedAt = input.emailVerifiedAt ?? null;
	try {
		const orgId = await audited(db, actor, async (tx) => {
			const name = input.name.trim();
			const language = input.language ?? 'zh';
			await insertUser(tx, { id: userId, email, name, passwordHash, language, emailVerifiedAt });
			tx.record({
				action: 'user.signed_up',
				orgId: null,
				entity: { type: 'user', id: userId },
				after: { email, name, language, emailVerified: emailVerifiedAt !== null }
			});
			if (!emailVerifiedAt)
				await startEmailVerification(tx, { id: userId, name, language }, email, 'verify_email');
			// Someone joining by invitation starts with no organisation of their own.
			if (input.orgName === null) return null;
			return createOrganisationIn(tx, {
				name: input.orgName,
				kind: input.orgKind,
				ownerId: userId
			});
		});
		return { ok: true, userId, orgId, verified: emailVerifiedAt !== null };
	} catch (error) {
		// Two sign-ups racing for one email: the unique index decides.
		if (await findUserIdByEmail(db, email)) return { ok: false, reason: 'email_taken' };
		throw error;
	}
}

/**
 * Sign-up through the web, without telling whether an address is registered (in any letter case):
 * a new address gets an account and a code; a registered one gets, instead, a mail to its owner
 * (log in, or reset the password). The page shows the same thing either way: "enter the code we
 * mailed". The same work is done either way (a password hashed), so the time does not tell either.
 */
export async function signUpOrNotify(
	db: Database,
	input: Parameters<typeof signUp>[1] & { origin: string }
): Promise<{ userId: string | null }> {
	const email = normaliseEmail(input.email);
	const existing = await findUserByEmail(db, email);
	if (!existing) {
		const result = await signUp(db, { ...input, emailVerifiedAt: null });
		if (result.ok) return { userId: result.userId };
	}
	const owner = existing ?? (await findUserByEmail(db, email));
	if (!existing) await verifyAgainstDummy(input.password);
	else await hashPassword(input.password);
	if (!owner) return { userId: null };
	await audited(db, { userId: null, requestId: input.requestId }, async (tx) => {
		await enqueueMail(tx, {
			to: owner.email,
			language: owner.language,
			template: 'account_exists',
			data: {
				name: owner.name,
				logInLink: `${input.origin}/login`,
				resetLink: `${input.origin}/reset-password`
			},
			userId: owner.id
		});
		tx.record({
			action: 'user.sign_up_with_registered_email',
			orgId: null,
			entity: { type: 'user', id: owner.id }
		});
	});
	return { userId: null };
}

export type LogInResult =
	| { ok: true; userId: string; device: string | null; twoFactor: boolean }
	| { ok: false; reason: 'wrong_credentials' }
	| { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * Checks the password, throttled (./throttle.ts): from a browser this account trusts (`device`,
 * its cookie) against that browser's own allowance, from anywhere else against the account's and
 * the address's. On success, `device` is the cookie that makes this browser trusted; with
 * two-factor it is null: the browser is trusted only once the code is given too (trustBrowser).
 */
export async function logIn(
	db: Database,
	input: {
		email: string;
		password: string;
		address: string;
		device?: string | null;
		requestId?: string | null;
	}
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
	if (!(await verifyPassword(credentials.passwordHash, input.password))) {
		// A security event on the account (an unknown address has no account to note it on).
		await audited(db, { userId: null, requestId: input.requestId }, async (tx) => {
			tx.record({
				action: 'user.login_failed',
				orgId: null,
				entity: { type: 'user', id: credentials.id }
			});
		});
		return { ok: false, reason: 'wrong_credentials' };
	}
	// The account's (or the device's) count starts again; the address's does not, or an attacker
	// could clear it by logging in to an account of their own between guesses.
	await clearThrottle(db, keys[0]!);
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
	const user = await findUserById(db, credentials.id);
	const twoFactor = user?.twoFactor ?? false;
	// The password alone is not the whole log-in for someone with two-factor.
	const device = twoFactor ? null : await trustDevice(db, credentials.id, trusted, input.device);
	return { ok: true, userId: credentials.id, device, twoFactor };
}

/**
 * The whole log-in succeeded (the second factor given): this browser becomes one the account
 * trusts, with its own log-in allowance. Answers the device cookie's value.
 */
export async function trustBrowser(
	db: Database,
	userId: string,
	cookie: string | null | undefined
): Promise<string> {
	return trustDevice(db, userId, await trustedDeviceOf(db, cookie, userId), cookie);
}

/** Changes the password and ends every other session of the user (who is the actor). */
/** The password typed again on the account page was wrong, or too many were. */
export type PasswordCheckRefusal =
	| { ok: false; reason: 'wrong_password' }
	| { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * The current password, typed again to change the password, the address or to delete the account.
 * A stolen session must not become a way to guess the password: every one of these checks counts
 * against the person's one allowance (`passwordCheckKey`), so that no form guesses faster than
 * another.
 */
export async function checkCurrentPassword(
	db: Database,
	userId: string,
	password: string
): Promise<{ ok: true } | PasswordCheckRefusal> {
	const throttle = await throttleAttempt(db, [passwordCheckKey(userId)]);
	if (!throttle.allowed)
		return { ok: false, reason: 'throttled', retryAfterSeconds: throttle.retryAfterSeconds };
	const credentials = await findCredentials(db, { id: userId });
	if (!credentials || !(await verifyPassword(credentials.passwordHash, password)))
		return { ok: false, reason: 'wrong_password' };
	await clearThrottle(db, passwordCheckKey(userId));
	return { ok: true };
}

export async function changePassword(
	db: Database,
	actor: Actor & { userId: string },
	input: { currentPassword: string; newPassword: string; keepSessionId: string }
): Promise<
	| { ok: true; tokensRevoked: number }
	| { ok: false; reason: 'wrong_password' }
	| { ok: false; reason: 'throttled'; retryAfterSeconds: number }
> {
	const userId = actor.userId;
	const checked = await checkCurrentPassword(db, userId, input.currentPassword);
	if (!checked.ok) return checked;
	const passwordHash = await hashPassword(input.newPassword);
	const tokensRevoked = await audited(db, actor, async (tx) => {
		await updatePasswordHash(tx, userId, passwordHash);
		await voidPasswordResets(tx, userId, new Date());
		const ended = await deleteUserSessions(tx, userId, { except: input.keepSessionId });
		const tokens = await revokeTokensOfUser(tx, { userId, reason: 'password_changed' });
		// Neither hash is written: that the password changed, and what it ended, is the record.
		tx.record({
			action: 'user.password_changed',
			orgId: null,
			entity: { type: 'user', id: userId },
			after: { otherLoginsEnded: ended, apiTokensRevoked: tokens }
		});
		return tokens;
	});
	return { ok: true, tokensRevoked };
}

/** The language of the person's mails (set from the interface at sign-up). */
export async function setMailLanguage(
	db: Database,
	actor: Actor & { userId: string },
	language: Language
): Promise<void> {
	await audited(db, actor, async (tx) => {
		await updateUserLanguage(tx, actor.userId, language);
		tx.record({
			action: 'user.language_changed',
			orgId: null,
			entity: { type: 'user', id: actor.userId },
			after: { language }
		});
	});
}

/**
 * Starts a change of email: a code goes to the new address, and the change is made when the person
 * types it (`verifyEmailCode`). Their password confirms it is them.
 */
export async function requestEmailChange(
	db: Database,
	actor: Actor & { userId: string },
	input: { newEmail: string; password: string }
): Promise<{ ok: true } | PasswordCheckRefusal | { ok: false; reason: 'same_email' }> {
	const checked = await checkCurrentPassword(db, actor.userId, input.password);
	if (!checked.ok) return checked;
	const user = await findUserById(db, actor.userId);
	if (!user) return { ok: false, reason: 'wrong_password' };
	const email = normaliseEmail(input.newEmail);
	if (email === user.email) return { ok: false, reason: 'same_email' };
	// A registered address gets the same code mail; the change is refused only when the code is
	// typed, so this form does not tell whether an address is registered either.
	await audited(db, actor, async (tx) => {
		await startEmailVerification(tx, user, email, 'email_change');
		tx.record({
			action: 'user.email_change_requested',
			orgId: null,
			entity: { type: 'user', id: user.id },
			after: { email }
		});
	});
	return { ok: true };
}

export type DeleteAccountResult =
	| { ok: true }
	| PasswordCheckRefusal
	| { ok: false; reason: 'last_owner'; organisations: string[] };

/**
 * Deletes one's own account, with the password. Refused while the person is the last owner of an
 * organisation (which would be left with nobody to manage it): they name another owner first.
 */
export async function deleteOwnAccount(
	db: Database,
	actor: Actor & { userId: string },
	input: { password: string }
): Promise<DeleteAccountResult> {
	const checked = await checkCurrentPassword(db, actor.userId, input.password);
	if (!checked.ok) return checked;
	const memberships = await listMemberships(db, actor.userId);
	const lastOwned: string[] = [];
	for (const m of memberships)
		if (m.role === 'owner' && (await countOwners(db, m.orgId)) <= 1) lastOwned.push(m.orgName);
	if (lastOwned.length > 0) return { ok: false, reason: 'last_owner', organisations: lastOwned };
	// The rows name the person as the entity: the actor column refers to users, and they are gone.
	await audited(db, { userId: null, requestId: actor.requestId }, async (tx) => {
		for (const m of memberships)
			tx.record({
				action: 'member.left',
				orgId: m.orgId,
				entity: { type: 'user', id: actor.userId },
				before: { role: m.role }
			});
		await deleteUser(tx, actor.userId);
		tx.record({ action: 'user.deleted', orgId: null, entity: { type: 'user', id: actor.userId } });
	});
	return { ok: true };
}
