import type { RequestEvent } from '@sveltejs/kit';

/**
 * For the largest pages (the whole questionnaire, the result): data that makes SvelteKit skip the
 * page's ETag. SvelteKit hashes every page it renders whole, a JavaScript loop over each of its
 * characters (1–2 ms of CPU on these pages, BENCHMARKS.md), and sends the hash as the ETag; it
 * skips it only when the page's data holds a promise, whose value it then streams after the page.
 * Every page carries a fresh CSP nonce, so its ETag never matched a browser's copy anyway: the hash
 * bought nothing. The promise is settled already and no page reads it.
 *
 * GET only: a streamed page is always sent with status 200, and the page a form action answers
 * with must keep the action's status (400 for a refused form, 409 for a conflict).
 */
export function unhashedPage(event: RequestEvent): { unhashed?: Promise<true> } {
	return event.request.method === 'GET' ? { unhashed: Promise.resolve(true) } : {};
}
