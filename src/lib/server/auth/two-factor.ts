import { createTOTPKeyURI, verifyTOTPWithGracePeriod } from '@oslojs/otp';
import { decodeBase64, encodeBase32UpperCaseNoPadding, encodeBase64 } from '@oslojs/encoding';
import { renderSVG } from 'uqr';
import type { Database } from '../db/connection';
import { audited, type Actor } from '../db/audited';
import { findMembership } from '../db/queries/organisations';
import {
	countUnusedRecoveryCodes,
	replaceRecoveryCodes,
	useRecoveryCode as markRecoveryCodeUsed
} from '../db/queries/recovery-codes';
import { deleteUserSessions, markSessionTwoFactorVerified } from '../db/queries/sessions';
import { findTotpKey, findUserById, updateTotpKey } from '../db/queries/users';
import { hashSecretHex } from './tokens';

/** The Lucia guide's TOTP: 30-second steps, 6 digits, SHA-1 (what every authenticator app reads). */
const PERIOD = 30;
const DIGITS = 6;
/** One step either side, for a phone's clock that is a little off. */
const GRACE_SECONDS = 30;
export const RECOVERY_CODE_COUNT = 8;
const ISSUER = 'Sandbox Readiness';

/** A new key to set up: the key (for the form), the otpauth URI and its QR code (SVG). */
export function newTotpSetup(accountName: string): { key: string; uri: string; qrSvg: string } {
	const key = new Uint8Array(20);
	crypto.getRandomValues(key);
	const uri = createTOTPKeyURI(ISSUER, accountName, key, PERIOD, DIGITS);
	return {
		key: encodeBase64(key),
		uri,
		qrSvg: renderSVG(uri, { border: 2 })
	};
}

/** The key as the person types it into an app without a camera. */
export function manualKey(base64Key: string): string {
	return encodeBase32UpperCaseNoPadding(decodeBase64(base64Key))
		.replace(/(.{4})/g, '$1 ')
		.trim();
}

function totpMatches(key: Uint8Array, code: string): boolean {
	const digits = code.replace(/\s/g, '');
	if (!/^\d{6}$/.test(digits)) return false;
	return verifyTOTPWithGracePeriod(key, PERIOD, DIGITS, digits, GRACE_SECONDS);
}

function newRecoveryCodes(): string[] {
	return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
		const bytes = new Uint8Array(10);
		crypto.getRandomValues(bytes);
		return encodeBase32UpperCaseNoPadding(bytes).replace(/(.{4})(?=.)/g, '$1-');
	});
}

const normaliseRecoveryCode = (code: string) => code.toUpperCase().replace(/[^A-Z2-7]/g, '');
const hashRecoveryCode = (code: string) => hashSecretHex(normaliseRecoveryCode(code));

/**
 * Turns two-factor on with the key shown at setup, once the person typed a code from it. Answers
 * the recovery codes (shown once; only their hashes are kept). The session counts as verified.
 */
export async function enableTwoFactor(
	db: Database,
	actor: Actor & { userId: string },
	input: { key: string; code: string; sessionId: string }
): Promise<
	{ ok: true; recoveryCodes: string[] } | { ok: false; reason: 'wrong_code' | 'bad_key' }
> {
	let key: Uint8Array;
	try {
		key = decodeBase64(input.key);
	} catch {
		return { ok: false, reason: 'bad_key' };
	}
	if (key.length !== 20) return { ok: false, reason: 'bad_key' };
	if (!totpMatches(key, input.code)) return { ok: false, reason: 'wrong_code' };
	const recoveryCodes = newRecoveryCodes();
	await audited(db, actor, async (tx) => {
		await updateTotpKey(tx, actor.userId, key);
		await replaceRecoveryCodes(tx, actor.userId, recoveryCodes.map(hashRecoveryCode));
		await markSessionTwoFactorVerified(tx, input.sessionId);
		tx.record({
			action: 'user.two_factor_enabled',
			orgId: null,
			entity: { type: 'user', id: actor.userId }
		});
	});
	return { ok: true, recoveryCodes };
}

/** New recovery codes (the old ones stop working). */
export async function regenerateRecoveryCodes(
	db: Database,
	actor: Actor & { userId: string }
): Promise<string[]> {
	const recoveryCodes = newRecoveryCodes();
	await audited(db, actor, async (tx) => {
		await replaceRecoveryCodes(tx, actor.userId, recoveryCodes.map(hashRecoveryCode));
		tx.record({
			action: 'user.recovery_codes_renewed',
			orgId: null,
			entity: { type: 'user', id: actor.userId }
		});
	});
	return recoveryCodes;
}

/**
 * Checks a second factor: a TOTP code, or an unused recovery code (used up by this). Failures are
 * audited, as security events.
 */
export async function checkSecondFactor(
	db: Database,
	actor: Actor,
	input: { userId: string; code: string }
): Promise<'totp' | 'recovery_code' | null> {
	const key = await findTotpKey(db, input.userId);
	if (!key) return null;
	if (totpMatches(key, input.code)) return 'totp';
	const hash = hashRecoveryCode(input.code);
	const used =
		normaliseRecoveryCode(input.code).length === 16 &&
		(await audited(db, actor, async (tx) => {
			if (!(await markRecoveryCodeUsed(tx, input.userId, hash, new Date()))) return false;
			tx.record({
				action: 'user.recovery_code_used',
				orgId: null,
				entity: { type: 'user', id: input.userId }
			});
			return true;
		}));
	if (used) return 'recovery_code';
	await audited(db, actor, async (tx) => {
		tx.record({
			action: 'user.second_factor_failed',
			orgId: null,
			entity: { type: 'user', id: input.userId }
		});
	});
	return null;
}

export function unusedRecoveryCodes(db: Database, userId: string): Promise<number> {
	return countUnusedRecoveryCodes(db, userId);
}

/** Turns the person's own second factor off; their other sessions end. */
export async function disableTwoFactor(
	db: Database,
	actor: Actor & { userId: string },
	input: { keepSessionId: string }
): Promise<void> {
	await audited(db, actor, async (tx) => {
		await updateTotpKey(tx, actor.userId, null);
		await replaceRecoveryCodes(tx, actor.userId, []);
		const ended = await deleteUserSessions(tx, actor.userId, { except: input.keepSessionId });
		tx.record({
			action: 'user.two_factor_disabled',
			orgId: null,
			entity: { type: 'user', id: actor.userId },
			after: { otherLoginsEnded: ended }
		});
	});
}

/**
 * An owner resets a member's second factor (a lost phone): the key and recovery codes go, and every
 * session of the member ends, so the next login sets a new one up. False when not a member.
 */
export async function resetMemberTwoFactor(
	db: Database,
	actor: Actor,
	input: { orgId: string; userId: string }
): Promise<boolean> {
	const membership = await findMembership(db, input.userId, input.orgId);
	const user = await findUserById(db, input.userId);
	if (!membership || !user) return false;
	return audited(db, actor, async (tx) => {
		await updateTotpKey(tx, input.userId, null);
		await replaceRecoveryCodes(tx, input.userId, []);
		const ended = await deleteUserSessions(tx, input.userId);
		tx.record({
			action: 'member.two_factor_reset',
			orgId: input.orgId,
			entity: { type: 'user', id: input.userId },
			before: { twoFactor: user.twoFactor },
			after: { twoFactor: false, sessionsEnded: ended }
		});
		return true;
	});
}
