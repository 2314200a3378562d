import type { Database } from '../db/connection';
import {
	countRecentFailures,
	deleteLoginFailures,
	insertLoginFailures
} from '../db/queries/login-failures';

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

export interface ThrottleKeys {
	account: string;
	address: string;
}

export function throttleKeys(email: string, address: string): ThrottleKeys {
	return { account: `account:${email}`, address: `address:${address}` };
}

/** True when this account or address failed too often within the window. */
export async function isLoginThrottled(db: Database, keys: ThrottleKeys): Promise<boolean> {
	const since = new Date(Date.now() - THROTTLE_WINDOW_MS);
	const [byAccount, byAddress] = [
		await countRecentFailures(db, keys.account, since),
		await countRecentFailures(db, keys.address, since)
	];
	return byAccount >= MAX_FAILURES_PER_ACCOUNT || byAddress >= MAX_FAILURES_PER_ADDRESS;
}

export async function recordLoginFailure(db: Database, keys: ThrottleKeys): Promise<void> {
	await insertLoginFailures(db, [keys.account, keys.address]);
}

export async function clearAccountFailures(db: Database, keys: ThrottleKeys): Promise<void> {
	await deleteLoginFailures(db, keys.account);
}
