import { error } from '@sveltejs/kit';

/** C0 and C1 control characters (tab, CR, LF, vertical tab …) and DEL: never part of a path we send. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Where to send the browser after a log-in, a sign-up or a language change: a path of this app
 * only. `next` is parsed as a URL against the app's origin, the way the browser will read the
 * Location header, and only a result on that origin is kept, re-serialised by the parser (so
 * `/%09/evil.example`, `/\evil.example`, `//evil.example`, `https://evil.example` and their
 * encodings all end on this origin). Control characters are refused with 400: a browser strips a
 * tab or a newline from a URL before reading it, which is how `/\t/evil.example` became
 * `//evil.example`, and a CR/LF in a header was a 500.
 */
export function sameOriginPath(next: string | null | undefined, origin: string): string {
	if (!next) return '/';
	if (CONTROL.test(next)) error(400, 'The redirect target contains a control character');
	if (!next.startsWith('/')) return '/';
	let url: URL;
	try {
		url = new URL(next, origin);
	} catch {
		return '/';
	}
	if (url.origin !== origin) return '/';
	const path = url.pathname + url.search + url.hash;
	// `/.//evil.example` parses to the path `//evil.example`, which a browser reads as a host.
	return path.startsWith('//') ? '/' : path;
}
