import type { RequestEvent } from '@sveltejs/kit';
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE_S } from '../auth/throttle';
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
