import type { RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import type { SecondFactorResult } from '../auth/two-factor';
import { setRetryAfter } from './throttle';

/**
 * What to say on the field of a refused second factor, and with which status: a wrong code (400),
 * a code already used (400: wait for the next one), too many tries (429, with Retry-After).
 */
export function secondFactorRefusal(
	event: RequestEvent,
	refused: Exclude<SecondFactorResult, { ok: true }>
): { text: string; options: { status: 400 | 429 } } {
	if (refused.reason === 'throttled') {
		setRetryAfter(event, refused.retryAfterSeconds);
		return {
			text: m.err_two_factor_wait({ seconds: refused.retryAfterSeconds }),
			options: { status: 429 }
		};
	}
	return {
		text: refused.reason === 'used_code' ? m.err_two_factor_used() : m.err_two_factor_wrong(),
		options: { status: 400 }
	};
}

/**
 * What to say on the password field of a refused re-authentication, and with which status: a
 * wrong password (400), too many tries (429, with Retry-After).
 */
export function passwordRefusal(
	event: RequestEvent,
	refused: { reason: string } | { reason: 'throttled'; retryAfterSeconds: number }
): { text: string; options: { status: 400 | 429 } } {
	if ('retryAfterSeconds' in refused) {
		setRetryAfter(event, refused.retryAfterSeconds);
		return {
			text: m.access_err_wait({ seconds: refused.retryAfterSeconds }),
			options: { status: 429 }
		};
	}
	return { text: m.err_wrong_password(), options: { status: 400 } };
}
