import { error, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import {
	DEVICE_COOKIE,
	DEVICE_COOKIE_MAX_AGE_S,
	heavyReadKeys,
	rateRequest
} from '../auth/throttle';
import { runtime } from './runtime';
import { isSecureRequest } from './session-hook';

/** The browser's device cookie (OWASP's scheme, see auth/throttle.ts), if it sent one. */
export function readDeviceCookie(event: RequestEvent): string | null {
	return event.cookies.get(DEVICE_COOKIE) ?? null;
}

/** Marks this browser as one that logged in successfully: it keeps its own log-in allowance. */
export function setDeviceCookie(event: RequestEvent, value: string): void {
	event.cookies.set(DEVICE_COOKIE, value, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: isSecureRequest(event),
		maxAge: DEVICE_COOKIE_MAX_AGE_S
	});
}

/** Retry-After on a throttled answer, so a script knows how long to wait. */
export function setRetryAfter(event: RequestEvent, seconds: number): void {
	event.setHeaders({ 'retry-after': String(seconds) });
}

/**
 * The client's address for the throttle, as adapter-node reads it (ADDRESS_HEADER / XFF_DEPTH
 * behind a proxy, the socket otherwise). A request without the configured header did not come
 * through the proxy: adapter-node throws, and such requests share one key, "unknown", rather
 * than failing with 500 or each going unlimited.
 */
export function clientAddress(event: RequestEvent): string {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}

/**
 * Refusals remembered in this process (user id → when the wait ends, ms), so that a loop that
 * keeps asking after its 429 costs no database round trip until its wait is over. The database
 * stays the judge: a person refused on another instance is refused here at the database.
 */
const refusedUntil = new Map<string, number>();
const REFUSALS_KEPT = 10_000;

/**
 * The rate of the costly reads (auth/throttle.ts, HEAVY_READS) for the signed-in person and the
 * organisation they are reading in; call it once the person's membership is known. Answers null
 * when the request may go on, or the seconds to wait (Retry-After is set on the response).
 */
export async function heavyReadWait(
	event: RequestEvent,
	viewer: { userId: string; orgId: string }
): Promise<number | null> {
	const now = Date.now();
	const until = refusedUntil.get(viewer.userId);
	let seconds: number | null = null;
	if (until !== undefined && until > now) seconds = Math.ceil((until - now) / 1000);
	else {
		refusedUntil.delete(viewer.userId);
		const result = await rateRequest(runtime().db, heavyReadKeys(viewer.userId, viewer.orgId));
		if (!result.allowed) {
			seconds = result.retryAfterSeconds;
			if (refusedUntil.size >= REFUSALS_KEPT) refusedUntil.clear();
			refusedUntil.set(viewer.userId, now + seconds * 1000);
		}
	}
	if (seconds === null) return null;
	event.setHeaders({ 'retry-after': String(seconds), 'cache-control': 'no-store' });
	return seconds;
}

/** A page's load: 429 with Retry-After and the reason in the reader's language. */
export async function requireHeavyRead(
	event: RequestEvent,
	viewer: { userId: string; orgId: string }
): Promise<void> {
	const seconds = await heavyReadWait(event, viewer);
	if (seconds !== null) error(429, m.heavy_read_too_many({ seconds }));
}
