import { isIPv4, isIPv6 } from 'node:net';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import type { Database } from '../db/connection';
import {
	checkAndRecordAttempt,
	checkAndRecordRequest,
	clearThrottleCounter,
	secondsUntilAllowed,
	THROTTLE_FIRST_DELAY_SECONDS,
	THROTTLE_MAX_DELAY_SECONDS,
	THROTTLE_QUIET_SECONDS,
	type RateKey,
	type ThrottleKey
} from '../db/queries/throttle-counters';
import {
	findTrustedDevice,
	insertTrustedDevice,
	touchTrustedDevice
} from '../db/queries/trusted-devices';
import { generateSecureRandomString, hashSecret } from './tokens';

/**
 * Throttling that slows attackers, not users (OWASP's "Slow down online guessing attacks with
 * device cookies"). Every attempt is counted against keys; a key evaluates `allowance` attempts
 * at once, then each further attempt waits twice as long as the one before (15 s, 30 s, 60 s …
 * at most 10 minutes); a key left quiet for 15 minutes starts again.
 *
 * A log-in from a browser that has logged in to that account before (a trusted device, by its
 * cookie) is counted against that device only, so a stranger's wrong guesses never slow the owner
 * down. Any other log-in is counted against the account and the address (IPv6 by /64). The check
 * and the record are one SQL statement (db/queries/throttle-counters.ts).
 */
export const THROTTLE = {
	/** Untrusted log-ins to one account, from anywhere. */
	loginAccount: 5,
	/** Untrusted log-ins from one address (IPv6: one /64), to any account. */
	loginAddress: 20,
	/** Log-ins from one trusted browser to its account. */
	loginDevice: 10,
	/** The current password asked again of a signed-in person (/account), per person. */
	passwordCheck: 5,
	/** Sign-ups from one address. */
	signUp: 10,
	/** Password-reset requests, per account and per address (for the reset flow to use). */
	resetAccount: 5,
	resetAddress: 20,
	/** Second-factor codes (log-in, reset, turning it off), per account … */
	twoFactor: 5,
	/** … and from a browser the account trusts, per browser. */
	twoFactorDevice: 10,
	firstDelaySeconds: THROTTLE_FIRST_DELAY_SECONDS,
	quietSeconds: THROTTLE_QUIET_SECONDS,
	maxDelaySeconds: THROTTLE_MAX_DELAY_SECONDS
} as const;

export type { ThrottleKey };
export type ThrottleResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Checks the keys and counts this attempt against each, atomically. Call it before the check it
 * guards (a password, a code), and `clearThrottle` on success where success should restore the
 * allowance.
 */
export async function throttleAttempt(db: Database, keys: ThrottleKey[]): Promise<ThrottleResult> {
	if (await checkAndRecordAttempt(db, keys)) return { allowed: true };
	return refusal(db, keys);
}

/** The refusal of an attempt the keys did not allow: how long until they all do. */
async function refusal(db: Database, keys: { key: string }[]): Promise<ThrottleResult> {
	const seconds = await secondsUntilAllowed(
		db,
		keys.map((k) => k.key)
	);
	return { allowed: false, retryAfterSeconds: Math.max(1, seconds) };
}

/**
 * The pages that cost the server most to build for one GET (the report's print view, the whole
 * questionnaire, the assessment's JSON export, its evidence zip and its questionnaire template:
 * each reads and renders every item, the zip streams every file), limited per
 * person and per organisation so that one script in a loop cannot slow every other tenant down.
 * Someone at work opens one every few seconds at most and rarely for long: a person may open 60
 * at once and then one every 2 s (30 a minute, 1,800 an hour), and the members of one
 * organisation together 240 at once and then one every 0.5 s (120 a minute: four people clicking
 * as fast as they can). The PDF and Word reports have their render slots instead (report-cache.ts).
 */
export const HEAVY_READS = {
	personBurst: 60,
	personIntervalSeconds: 2,
	orgBurst: 240,
	orgIntervalSeconds: 0.5
} as const;

export const heavyReadKeys = (userId: string, orgId: string): RateKey[] => [
	{
		key: `rate:heavy:user:${userId}`,
		burst: HEAVY_READS.personBurst,
		intervalSeconds: HEAVY_READS.personIntervalSeconds
	},
	{
		key: `rate:heavy:org:${orgId}`,
		burst: HEAVY_READS.orgBurst,
		intervalSeconds: HEAVY_READS.orgIntervalSeconds
	}
];

/** Serves one request at the keys' rates, or says how long to wait (nothing is counted then). */
export async function rateRequest(db: Database, keys: RateKey[]): Promise<ThrottleResult> {
	if (await checkAndRecordRequest(db, keys)) return { allowed: true };
	return refusal(db, keys);
}

export function clearThrottle(db: Database, key: ThrottleKey): Promise<void> {
	return clearThrottleCounter(db, key.key);
}

/**
 * The address a limit applies to: an IPv4 address as it is, an IPv6 address by its /64 (one
 * subscriber's network: a host there can take any of 2^64 addresses), an IPv4-mapped IPv6
 * address as the IPv4 one.
 */
export function addressKey(address: string): string {
	const bare = address.trim().replace(/%.*$/, '').toLowerCase();
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
	if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
	if (isIPv4(bare)) return bare;
	if (!isIPv6(bare)) return bare;
	return `${expandIPv6(bare).slice(0, 4).join(':')}::/64`;
}

/** The eight hextets of an IPv6 address, without leading zeros. */
function expandIPv6(address: string): string[] {
	let text = address;
	// A trailing dotted IPv4 part is two hextets.
	const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
	if (v4) {
		const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
		text =
			text.slice(0, v4.index) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
	}
	const [head = '', tail] = text.split('::');
	const left = head ? head.split(':') : [];
	const right = tail ? tail.split(':') : [];
	const middle = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
	return [...left, ...middle, ...right].map((h) => parseInt(h || '0', 16).toString(16));
}

export const loginAccountKey = (email: string): ThrottleKey => ({
	key: `login:account:${email}`,
	allowance: THROTTLE.loginAccount
});
export const loginAddressKey = (address: string): ThrottleKey => ({
	key: `login:address:${addressKey(address)}`,
	allowance: THROTTLE.loginAddress
});
export const loginDeviceKey = (deviceId: string): ThrottleKey => ({
	key: `login:device:${deviceId}`,
	allowance: THROTTLE.loginDevice
});
export const passwordCheckKey = (userId: string): ThrottleKey => ({
	key: `password-check:${userId}`,
	allowance: THROTTLE.passwordCheck
});
export const signUpKey = (address: string): ThrottleKey => ({
	key: `signup:address:${addressKey(address)}`,
	allowance: THROTTLE.signUp
});
/** Second-factor codes of one account, whatever asks for them. */
export const twoFactorKey = (userId: string): ThrottleKey => ({
	key: `two-factor:${userId}`,
	allowance: THROTTLE.twoFactor
});
export const twoFactorDeviceKey = (deviceId: string): ThrottleKey => ({
	key: `two-factor:device:${deviceId}`,
	allowance: THROTTLE.twoFactorDevice
});
/** For the password-reset request: per account (normalised email) and per address. */
export const resetKeys = (email: string, address: string): ThrottleKey[] => [
	{ key: `reset:account:${email}`, allowance: THROTTLE.resetAccount },
	{ key: `reset:address:${addressKey(address)}`, allowance: THROTTLE.resetAddress }
];

/** The device cookie's name; its value is `<id>.<secret>`, only the secret's SHA-256 is stored. */
export const DEVICE_COOKIE = 'device';
export const DEVICE_COOKIE_MAX_AGE_S = 365 * 24 * 60 * 60;

/** The trusted device the cookie names, if it is genuine and was trusted by this account. */
export async function trustedDeviceOf(
	db: Database,
	cookie: string | null | undefined,
	userId: string
): Promise<string | null> {
	const [id, secret, extra] = (cookie ?? '').split('.');
	if (!id || !secret || extra !== undefined || !/^[a-z2-7]{24}$/.test(id)) return null;
	const device = await findTrustedDevice(db, id);
	if (!device || device.userId !== userId) return null;
	return constantTimeEqual(hashSecret(secret), device.secretHash) ? device.id : null;
}

/** After a successful log-in: the browser's cookie value (a new device unless it was trusted). */
export async function trustDevice(
	db: Database,
	userId: string,
	trustedId: string | null,
	cookie: string | null | undefined
): Promise<string> {
	if (trustedId && cookie) {
		await touchTrustedDevice(db, trustedId, new Date());
		return cookie;
	}
	const id = generateSecureRandomString();
	const secret = generateSecureRandomString();
	await insertTrustedDevice(db, { id, userId, secretHash: hashSecret(secret) });
	return `${id}.${secret}`;
}
