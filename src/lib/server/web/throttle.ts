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
 * Refusals remembered in this process (person and organisation → when the wait ends, ms), so that
 * a loop that keeps asking after its 429 is refused before its guard and without a database round
 * trip until its wait is over. The database stays the judge: a person refused on another instance
 * is refused here by the database.
 */
const refusedUntil = new Map<string, number>();
const REFUSALS_KEPT = 10_000;

function refused(event: RequestEvent, seconds: number): number {
	event.setHeaders({ 'retry-after': String(seconds), 'cache-control': 'no-store' });
	return seconds;
}

/**
 * Before the guard: the wait of a costly read this process refused the signed-in person in this
 * organisation (the URL's, which the refusal was recorded under once the guard had checked it), or
 * null. Sets Retry-After.
 */
export function rememberedHeavyReadWait(event: RequestEvent): number | null {
	const userId = event.locals.user?.id;
	const orgId = event.params.orgId;
	if (!userId || !orgId) return null;
	const until = refusedUntil.get(`${userId}:${orgId}`);
	if (until === undefined) return null;
	const now = Date.now();
	if (until <= now) {
		refusedUntil.delete(`${userId}:${orgId}`);
		return null;
	}
	return refused(event, Math.ceil((until - now) / 1000));
}

/**
 * The rate of the costly reads (auth/throttle.ts, HEAVY_READS) for the signed-in person and the
 * organisation they are reading in; call it once the person's membership is known. Answers null
 * when the request may go on, or the seconds to wait (Retry-After is set on the response).
 */
export async function heavyReadWait(
	event: RequestEvent,
	viewer: { userId: string; orgId: string }
): Promise<number | null> {
	const result = await rateRequest(runtime().db, heavyReadKeys(viewer.userId, viewer.orgId));
	if (result.allowed) return null;
	if (refusedUntil.size >= REFUSALS_KEPT) refusedUntil.clear();
	refusedUntil.set(
		`${viewer.userId}:${viewer.orgId}`,
		Date.now() + result.retryAfterSeconds * 1000
	);
	return refused(event, result.retryAfterSeconds);
}

/** A page's load, before its guard: 429 if this process refused the person a moment ago. */
export function refuseRememberedHeavyRead(event: RequestEvent): void {
	const seconds = rememberedHeavyReadWait(event);
	if (seconds !== null) error(429, m.heavy_read_too_many({ seconds }));
}

/** A page's load, after its guard: 429 with Retry-After and the reason in the reader's language. */
export async function requireHeavyRead(
	event: RequestEvent,
	viewer: { userId: string; orgId: string }
): Promise<void> {
	const seconds = await heavyReadWait(event, viewer);
	if (seconds !== null) error(429, m.heavy_read_too_many({ seconds }));
}

/** A download's refusal: the reason in the reader's language, as plain text. */
function tooManyHeavyReads(seconds: number): Response {
	return new Response(m.heavy_read_too_many({ seconds }), {
		status: 429,
		headers: { 'content-type': 'text/plain; charset=utf-8' }
	});
}

/**
 * A costly download (the JSON export, the evidence zip, the questionnaire template): its guard,
 * then the rate of the costly reads, then the file; 429 with Retry-After when refused.
 */
export async function limitedDownload<
	V extends { user: { id: string }; membership: { orgId: string } }
>(
	event: RequestEvent,
	guard: () => Promise<V>,
	respond: (viewer: V) => Promise<Response>
): Promise<Response> {
	const remembered = rememberedHeavyReadWait(event);
	if (remembered !== null) return tooManyHeavyReads(remembered);
	const viewer = await guard();
	const wait = await heavyReadWait(event, {
		userId: viewer.user.id,
		orgId: viewer.membership.orgId
	});
	return wait === null ? respond(viewer) : tooManyHeavyReads(wait);
}
