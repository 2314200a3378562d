import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import type { Database } from '../db/connection';
import { audited, type Actor, type AuditedTx } from '../db/audited';
import {
	deleteEmailVerification,
	findEmailVerification,
	countWrongVerificationTry,
	upsertEmailVerification
} from '../db/queries/email-verifications';
import {
	changeUserEmail,
	findUserById,
	findUserIdByEmail,
	markEmailVerified
} from '../db/queries/users';
import { enqueueMail } from '../mail/outbox';
import { hashSecretHex } from './tokens';

/** A code is valid this long, and for this many wrong tries (then a new one must be asked for). */
export const CODE_MINUTES = 15;
export const MAX_WRONG_TRIES = 5;
/** A new code is mailed at most this often. */
export const RESEND_AFTER_MS = 60_000;

/** Eight characters of base32 (40 bits): the Lucia guide's email-verification code. */
export function generateCode(): string {
	const bytes = new Uint8Array(5);
	crypto.getRandomValues(bytes);
	return encodeBase32UpperCaseNoPadding(bytes);
}

/**
 * Mails a new code to `email` (the account's address, or the one it is changing to), replacing
 * any earlier code. Runs in the caller's audited change (sign-up, change of email, resend).
 */
export async function startEmailVerification(
	tx: AuditedTx,
	user: { id: string; name: string; language: 'zh' | 'en' },
	email: string,
	purpose: 'verify_email' | 'email_change'
): Promise<void> {
	const code = generateCode();
	await upsertEmailVerification(tx, {
		userId: user.id,
		email,
		codeHash: hashSecretHex(code),
		expiresAt: new Date(Date.now() + CODE_MINUTES * 60_000)
	});
	await enqueueMail(tx, {
		to: email,
		language: user.language,
		template: purpose,
		data: { name: user.name, code, minutes: CODE_MINUTES },
		userId: user.id
	});
}

/** Mails a fresh code to the person's pending address; false when it is too soon after the last. */
export async function resendVerificationCode(
	db: Database,
	actor: Actor,
	userId: string
): Promise<boolean> {
	const user = await findUserById(db, userId);
	if (!user) return false;
	const pending = await findEmailVerification(db, userId);
	// A live code is not replaced within a minute; a void one (too many wrong tries) at once.
	if (
		pending &&
		pending.wrongTries < MAX_WRONG_TRIES &&
		Date.now() - pending.createdAt.getTime() < RESEND_AFTER_MS
	)
		return false;
	// Nothing pending: the address of an unverified account (a change of email starts anew).
	if (!pending && user.emailVerifiedAt) return false;
	const email = pending?.email ?? user.email;
	const purpose = email === user.email ? 'verify_email' : 'email_change';
	return audited(db, actor, async (tx) => {
		await startEmailVerification(tx, user, email, purpose);
		tx.record({
			action: 'user.verification_code_sent',
			orgId: null,
			entity: { type: 'user', id: userId },
			after: { email }
		});
		return true;
	});
}

export type VerifyResult =
	| { ok: true; email: string; changed: boolean }
	| { ok: false; reason: 'wrong_code' | 'expired' | 'email_taken' };

/**
 * Checks the code the person typed. Right: their address (or the new one) is verified. Wrong: a try
 * is counted, and after MAX_WRONG_TRIES the code is void. Expired: void.
 */
export async function verifyEmailCode(
	db: Database,
	actor: Actor,
	input: { userId: string; code: string }
): Promise<VerifyResult> {
	const userId = input.userId;
	const pending = await findEmailVerification(db, userId);
	if (!pending) return { ok: false, reason: 'expired' };
	if (pending.expiresAt.getTime() <= Date.now() || pending.wrongTries >= MAX_WRONG_TRIES) {
		return { ok: false, reason: 'expired' };
	}
	const typed = new TextEncoder().encode(hashSecretHex(input.code.trim().toUpperCase()));
	if (!constantTimeEqual(typed, new TextEncoder().encode(pending.codeHash))) {
		await audited(db, actor, async (tx) => {
			await countWrongVerificationTry(tx, userId);
			tx.record({
				action: 'user.verification_failed',
				orgId: null,
				entity: { type: 'user', id: userId }
			});
		});
		return { ok: false, reason: 'wrong_code' };
	}
	const user = await findUserById(db, userId);
	if (!user) return { ok: false, reason: 'expired' };
	const changed = pending.email !== user.email;
	if (changed) {
		const owner = await findUserIdByEmail(db, pending.email);
		if (owner && owner !== userId) return { ok: false, reason: 'email_taken' };
	}
	try {
		await audited(db, actor, async (tx) => {
			const now = new Date();
			if (changed) await changeUserEmail(tx, userId, pending.email, now);
			else await markEmailVerified(tx, userId, now);
			await deleteEmailVerification(tx, userId);
			tx.record({
				action: changed ? 'user.email_changed' : 'user.email_verified',
				orgId: null,
				entity: { type: 'user', id: userId },
				before: changed ? { email: user.email } : undefined,
				after: { email: pending.email }
			});
		});
	} catch (error) {
		// Someone took the address between the check and the change: the unique index decides.
		if (changed && (await findUserIdByEmail(db, pending.email)) !== userId)
			return { ok: false, reason: 'email_taken' };
		throw error;
	}
	return { ok: true, email: pending.email, changed };
}

/** The address a code is pending for, if any (the verification page says where it went). */
export async function pendingVerification(
	db: Database,
	userId: string
): Promise<{ email: string; expiresAt: Date } | null> {
	const pending = await findEmailVerification(db, userId);
	return pending ? { email: pending.email, expiresAt: pending.expiresAt } : null;
}
