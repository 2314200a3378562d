import type { Database } from '../db/connection';
import { audited, type Actor } from '../db/audited';
import {
	findUsablePasswordReset,
	insertPasswordReset,
	usePasswordReset,
	voidPasswordResets
} from '../db/queries/password-resets';
import { deleteUserSessions } from '../db/queries/sessions';
import {
	findUserByEmail,
	findUserById,
	markEmailVerified,
	updatePasswordHash
} from '../db/queries/users';
import { enqueueMail } from '../mail/outbox';
import { normaliseEmail } from './accounts';
import { hashPassword } from './password';
import { generateSecureRandomString, hashSecretHex } from './tokens';
import { revokeTokensOfUser } from './api-tokens';
import { checkSecondFactor, type SecondFactorResult } from './two-factor';

/** A reset link works this long, once. */
export const RESET_MINUTES = 60;

/**
 * Mails a reset link to the account's address (in its language). Answers the link, for the admin
 * CLI; null when no account has the address (the web page says the same either way).
 */
export async function requestPasswordReset(
	db: Database,
	by: { operator: true } | { operator: false; requestId?: string | null },
	input: { email: string; origin: string }
): Promise<string | null> {
	const user = await findUserByEmail(db, normaliseEmail(input.email));
	if (!user) return null;
	// Asked on the web, by whoever knows the address: recorded on the account itself.
	const actor: Actor = by.operator
		? { userId: null }
		: { userId: user.id, requestId: by.requestId };
	const token = generateSecureRandomString() + generateSecureRandomString();
	const link = `${input.origin}/reset-password/${token}`;
	await audited(db, actor, async (tx) => {
		const id = crypto.randomUUID();
		await insertPasswordReset(tx, {
			id,
			userId: user.id,
			tokenHash: hashSecretHex(token),
			expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000)
		});
		await enqueueMail(tx, {
			to: user.email,
			language: user.language,
			template: 'password_reset',
			data: { name: user.name, link, minutes: RESET_MINUTES },
			userId: user.id
		});
		tx.record({
			action: 'user.password_reset_requested',
			orgId: null,
			entity: { type: 'user', id: user.id },
			after: { by: by.operator ? 'operator' : 'email' }
		});
	});
	return link;
}

/** Whose link this is, and whether they must give a second factor; null when void. */
export async function findPasswordReset(
	db: Database,
	token: string
): Promise<{ userId: string; email: string; twoFactor: boolean } | null> {
	if (!/^[a-z2-7]{48}$/.test(token)) return null;
	const reset = await findUsablePasswordReset(db, hashSecretHex(token), new Date());
	if (!reset) return null;
	const user = await findUserById(db, reset.userId);
	return user ? { userId: user.id, email: user.email, twoFactor: user.twoFactor } : null;
}

export type ResetResult =
	| { ok: true; userId: string; secondFactorGiven: boolean; tokensRevoked: number }
	| { ok: false; reason: 'void' }
	| { ok: false; reason: 'second_factor'; refused: Exclude<SecondFactorResult, { ok: true }> };

/**
 * Sets the new password through the link, once. A person with two-factor must give a code too: a
 * reset never bypasses the second factor. Every session of the person ends; the address counts as
 * verified (the link reached it).
 */
export async function completePasswordReset(
	db: Database,
	input: { token: string; newPassword: string; secondFactor: string; requestId?: string | null }
): Promise<ResetResult> {
	const reset = /^[a-z2-7]{48}$/.test(input.token)
		? await findUsablePasswordReset(db, hashSecretHex(input.token), new Date())
		: null;
	if (!reset) return { ok: false, reason: 'void' };
	const user = await findUserById(db, reset.userId);
	if (!user) return { ok: false, reason: 'void' };
	const actor = { userId: user.id, requestId: input.requestId };
	if (user.twoFactor) {
		const checked = await checkSecondFactor(db, actor, {
			userId: user.id,
			code: input.secondFactor
		});
		if (!checked.ok) return { ok: false, reason: 'second_factor', refused: checked };
	}
	const passwordHash = await hashPassword(input.newPassword);
	const done = await audited(db, actor, async (tx) => {
		const now = new Date();
		if (!(await usePasswordReset(tx, reset.id, now))) return null;
		await voidPasswordResets(tx, user.id, now);
		await updatePasswordHash(tx, user.id, passwordHash);
		if (!user.emailVerifiedAt) await markEmailVerified(tx, user.id, now);
		const ended = await deleteUserSessions(tx, user.id);
		const tokens = await revokeTokensOfUser(tx, { userId: user.id, reason: 'password_reset' });
		tx.record({
			action: 'user.password_reset',
			orgId: null,
			entity: { type: 'user', id: user.id },
			after: { sessionsEnded: ended, apiTokensRevoked: tokens }
		});
		return { tokens };
	});
	if (!done) return { ok: false, reason: 'void' };
	return {
		ok: true,
		userId: user.id,
		secondFactorGiven: user.twoFactor,
		tokensRevoked: done.tokens
	};
}
