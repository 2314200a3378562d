/**
 * For the largest pages (the whole questionnaire, the result): data that makes SvelteKit skip the
 * page's ETag. SvelteKit hashes every page it renders whole, a JavaScript loop over each of its
 * characters (1–2 ms of CPU on these pages, BENCHMARKS.md), and sends the hash as the ETag; it
 * skips it only when the page's data holds a promise, whose value it then streams after the page.
 * Every page carries a fresh CSP nonce, so its ETag never matched a browser's copy anyway: the hash
 * bought nothing. The promise is settled already and no page reads it.
 */
export function unhashedPage(): { unhashed: Promise<true> } {
	return { unhashed: Promise.resolve(true) };
}
