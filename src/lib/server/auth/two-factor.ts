import { createTOTPKeyURI, verifyHOTP } from '@oslojs/otp';
import { decodeBase64, encodeBase32UpperCaseNoPadding, encodeBase64 } from '@oslojs/encoding';
import { renderSVG } from 'uqr';
import type { Database } from '../db/connection';
import { audited, type Actor } from '../db/audited';
import { findMembership, listMemberships } from '../db/queries/organisations';
import {
	countUnusedRecoveryCodes,
	replaceRecoveryCodes,
	useRecoveryCode as markRecoveryCodeUsed
} from '../db/queries/recovery-codes';
import { deleteUserSessions, markSessionTwoFactorVerified } from '../db/queries/sessions';
import { advanceTotpStep, findTotpKey, findUserById, updateTotpKey } from '../db/queries/users';
import { open, seal, totpPurpose } from './secret-box';
import {
	clearThrottle,
	throttleAttempt,
	trustedDeviceOf,
	twoFactorDeviceKey,
	twoFactorKey
} from './throttle';
import { hashSecretHex } from './tokens';

/** The Lucia guide's TOTP: 30-second steps, 6 digits, SHA-1 (what every authenticator app reads). */
const PERIOD = 30;
const DIGITS = 6;
/** One step either side, for a phone's clock that is a little off. */
const GRACE_STEPS = 1;
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

/**
 * The 30-second step a code belongs to (this one, or one either side), or null when it matches
 * none. The step is what makes a code single-use: see advanceTotpStep.
 */
export function totpStep(key: Uint8Array, code: string, now = Date.now()): number | null {
	const digits = code.replace(/\s/g, '');
	if (!/^\d{6}$/.test(digits)) return null;
	const current = Math.floor(now / (PERIOD * 1000));
	for (let step = current - GRACE_STEPS; step <= current + GRACE_STEPS; step++)
		if (verifyHOTP(key, BigInt(step), DIGITS, digits)) return step;
	return null;
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
	const step = totpStep(key, input.code);
	if (step === null) return { ok: false, reason: 'wrong_code' };
	const recoveryCodes = newRecoveryCodes();
	await audited(db, actor, async (tx) => {
		// Stored sealed; the code that set it up is used (it does not also log in).
		const sealed = seal(key, totpPurpose(actor.userId));
		await updateTotpKey(tx, actor.userId, { sealed, lastStep: step });
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

export type SecondFactorResult =
	| { ok: true; how: 'totp' | 'recovery_code' }
	| { ok: false; reason: 'wrong_code' | 'used_code' }
	| { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * Checks a second factor: a TOTP code not used before, or an unused recovery code (used up by
 * this). Throttled per account (every way in: log-in, password reset, turning two-factor off), in
 * the one atomic check-and-record of ./throttle.ts: a guesser gets THROTTLE.twoFactor tries, then
 * growing waits; a browser the account trusts counts against its own allowance instead. Failures
 * are audited, as security events.
 */
export async function checkSecondFactor(
	db: Database,
	actor: Actor,
	input: {
		userId: string;
		code: string;
		/** The browser's device cookie: a browser this account trusts has its own allowance. */
		device?: string | null;
	}
): Promise<SecondFactorResult> {
	// As for the password (./throttle.ts): someone who has the password but not the phone cannot
	// hold up the owner's own browser with wrong codes.
	const trusted = await trustedDeviceOf(db, input.device, input.userId);
	const throttleKey = trusted ? twoFactorDeviceKey(trusted) : twoFactorKey(input.userId);
	const throttle = await throttleAttempt(db, [throttleKey]);
	if (!throttle.allowed)
		return { ok: false, reason: 'throttled', retryAfterSeconds: throttle.retryAfterSeconds };
	const stored = await findTotpKey(db, input.userId);
	if (!stored) return { ok: false, reason: 'wrong_code' };
	const key = open(stored.sealed, totpPurpose(input.userId));
	const step = key ? totpStep(key, input.code) : null;
	let how: 'totp' | 'recovery_code' | null = null;
	let reused = false;
	if (step !== null) {
		// One statement decides, so two requests racing with one code cannot both pass.
		if (await advanceTotpStep(db, input.userId, step)) how = 'totp';
		else reused = true;
	} else if (normaliseRecoveryCode(input.code).length === 16) {
		const hash = hashRecoveryCode(input.code);
		const used = await audited(db, actor, async (tx) => {
			if (!(await markRecoveryCodeUsed(tx, input.userId, hash, new Date()))) return false;
			tx.record({
				action: 'user.recovery_code_used',
				orgId: null,
				entity: { type: 'user', id: input.userId }
			});
			return true;
		});
		if (used) how = 'recovery_code';
	}
	if (how) {
		await clearThrottle(db, throttleKey);
		return { ok: true, how };
	}
	await audited(db, actor, async (tx) => {
		tx.record({
			action: 'user.second_factor_failed',
			orgId: null,
			entity: { type: 'user', id: input.userId },
			after: { reason: reused ? 'code_already_used' : 'wrong_code' }
		});
	});
	return { ok: false, reason: reused ? 'used_code' : 'wrong_code' };
}

export function unusedRecoveryCodes(db: Database, userId: string): Promise<number> {
	return countUnusedRecoveryCodes(db, userId);
}

/**
 * Turns the person's own second factor off, with a current code (or a recovery code): a session
 * left open is not enough. Their other sessions end.
 */
export async function disableTwoFactor(
	db: Database,
	actor: Actor & { userId: string },
	input: { keepSessionId: string; code: string; device?: string | null }
): Promise<SecondFactorResult> {
	const checked = await checkSecondFactor(db, actor, {
		userId: actor.userId,
		code: input.code,
		device: input.device
	});
	if (!checked.ok) return checked;
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
	return checked;
}

/**
 * An owner resets a member's second factor (a lost phone): the key and recovery codes go, and every
 * session of the member ends, so the next login sets a new one up. 'not_member' when not a member.
 * The second factor and the sessions are the account's, not the organisation's: they guard every
 * organisation the person belongs to. So an owner resets them only when they guard nothing else
 * than organisations this owner runs: a member who belongs to another organisation as well (a
 * firm's owner invited as a respondent of its consultancy) is refused ('other_organisations'), or
 * any owner of any organisation the person joined could take away the second factor that protects
 * the others, and end their sessions there, at will.
 */
export async function resetMemberTwoFactor(
	db: Database,
	actor: Actor & { userId: string },
	input: { orgId: string; userId: string }
): Promise<'reset' | 'not_member' | 'other_organisations'> {
	const membership = await findMembership(db, input.userId, input.orgId);
	const user = await findUserById(db, input.userId);
	if (!membership || !user) return 'not_member';
	const ownedByActor = new Set(
		(await listMemberships(db, actor.userId)).filter((m) => m.role === 'owner').map((m) => m.orgId)
	);
	const elsewhere = (await listMemberships(db, input.userId)).some(
		(m) => !ownedByActor.has(m.orgId)
	);
	if (elsewhere) return 'other_organisations';
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
		return 'reset' as const;
	});
}
