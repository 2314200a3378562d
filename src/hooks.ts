import type { Transport } from '@sveltejs/kit';
import { decodeEntries, encodeEntries, PackedEntries } from '$lib/answering/packed-entries';

/**
 * Types that cross from the server to the browser in a page's data (SvelteKit's transport hook):
 * encoded where the server writes the data, decoded where the browser reads it.
 */
export const transport: Transport = {
	// The questionnaire's entries: a page rendered on the server leaves their questions out of its
	// data, and the browser reads them from the cards in the page (packed-entries.ts).
	PackedEntries: {
		encode: (value) => value instanceof PackedEntries && encodeEntries(value),
		decode: (encoded) =>
			decodeEntries(
				encoded,
				(id) => document.getElementById(id)?.querySelector('.question')?.textContent ?? ''
			)
	}
};
