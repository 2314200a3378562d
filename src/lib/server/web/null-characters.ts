import { firstInvalidUtf8 } from '../../domain/not-text';

/**
 * PostgreSQL cannot store U+0000 in text or jsonb: a value holding one would fail deep in a query
 * as a 500. Such a character is never part of real text, so the request is refused up front.
 * In a multipart body only the text fields are read: files carry zero bytes as a matter of course.
 */
export async function fieldWithNullCharacter(request: Request): Promise<string | null> {
	if (request.method === 'GET' || request.method === 'HEAD') return null;
	const type = request.headers.get('content-type') ?? '';
	if (type.startsWith('application/x-www-form-urlencoded')) {
		const form = new URLSearchParams(await request.clone().text());
		for (const [name, value] of form) {
			if (name.includes('\0') || value.includes('\0')) return name.replaceAll('\0', '');
		}
		return null;
	}
	if (type.startsWith('application/json')) {
		const text = await request.clone().text();
		// JSON can only carry U+0000 escaped; the field is named by the key that precedes it.
		const index = text.search(/\\u0000/i);
		if (index < 0) return null;
		const key = [...text.slice(0, index).matchAll(/"((?:[^"\\]|\\.)*)"\s*:/g)].pop()?.[1];
		return key ?? 'body';
	}
	if (type.startsWith('multipart/form-data')) {
		let form: FormData;
		try {
			form = await request.clone().formData();
		} catch {
			return null; // not a readable form: the action's own parsing answers it
		}
		for (const [name, value] of form) {
			if (typeof value === 'string' && (name.includes('\0') || value.includes('\0')))
				return name.replaceAll('\0', '');
		}
	}
	return null;
}

// A \uD800–\uDBFF escape not followed by a \uDC00–\uDFFF one, or the latter not preceded by the former.
const LONE_SURROGATE =
	/\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}/;

/**
 * A JSON body holding half of a UTF-16 surrogate pair: JSON may escape one, but it is not text and
 * PostgreSQL refuses it (as a 500 deep in a query). Form bodies cannot carry one: the browser's
 * UTF-8 encoding replaces it. Names the field by the key before it.
 */
export async function jsonFieldWithLoneSurrogate(request: Request): Promise<string | null> {
	if (!(request.headers.get('content-type') ?? '').startsWith('application/json')) return null;
	const text = await request.clone().text();
	const index = text.search(LONE_SURROGATE);
	if (index < 0) return null;
	const key = [...text.slice(0, index).matchAll(/"((?:[^"\\]|\\.)*)"\s*:/g)].pop()?.[1];
	return key ?? 'body';
}

/** Any NUL in the URL's query parameters, for GET forms (filters). */
export function queryWithNullCharacter(url: URL): string | null {
	for (const [name, value] of url.searchParams) {
		if (name.includes('\0') || value.includes('\0')) return name.replaceAll('\0', '');
	}
	return null;
}

/**
 * A text field whose bytes are not UTF-8 (a stray Latin-1 or GBK byte, a truncated character): the
 * body parsers would turn them into U+FFFD and store a different text than was sent. Checked on the
 * raw bytes: each field of a URL-encoded form (after percent-decoding), a JSON body (named by the
 * key before the first bad byte), and the text parts of a multipart form (files are bytes).
 */
export async function fieldWithInvalidUtf8(request: Request): Promise<string | null> {
	if (request.method === 'GET' || request.method === 'HEAD' || !request.body) return null;
	const type = request.headers.get('content-type') ?? '';
	if (type.startsWith('application/x-www-form-urlencoded')) {
		const raw = await request.clone().text(); // percent-encoded: ASCII whatever the field bytes
		for (const pair of raw.split('&')) {
			const [name = '', value = ''] = pair.split('=');
			if (!isUtf8(percentDecode(value)) || !isUtf8(percentDecode(name)))
				return lossy(percentDecode(name));
		}
		return null;
	}
	if (type.startsWith('application/json')) {
		const bytes = new Uint8Array(await request.clone().arrayBuffer());
		const bad = firstInvalidUtf8(bytes);
		if (bad < 0) return null;
		const before = lossy(bytes.subarray(0, bad));
		return [...before.matchAll(/"((?:[^"\\]|\\.)*)"\s*:/g)].pop()?.[1] ?? 'body';
	}
	const boundary = /^multipart\/form-data;.*\bboundary="?([^";]+)"?/i.exec(type)?.[1];
	if (!boundary) return null;
	const bytes = new Uint8Array(await request.clone().arrayBuffer());
	for (const part of splitBytes(bytes, new TextEncoder().encode(`--${boundary}`))) {
		const headerEnd = indexOfBytes(part, CRLF2, 0);
		if (headerEnd < 0) continue;
		const headers = new TextDecoder('latin1').decode(part.subarray(0, headerEnd));
		if (/filename\*?=/i.test(headers)) continue;
		const name = /\bname="([^"]*)"/i.exec(headers)?.[1];
		if (name !== undefined && firstInvalidUtf8(part.subarray(headerEnd + 4)) >= 0)
			return lossy(new Uint8Array([...name].map((c) => c.charCodeAt(0))));
	}
	return null;
}

const CRLF2 = new Uint8Array([13, 10, 13, 10]);
const lossy = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const isUtf8 = (bytes: Uint8Array) => firstInvalidUtf8(bytes) < 0;

function percentDecode(value: string): Uint8Array {
	const out: number[] = [];
	for (let i = 0; i < value.length; i++) {
		const c = value[i]!;
		if (c === '%' && /^[0-9a-fA-F]{2}$/.test(value.slice(i + 1, i + 3))) {
			out.push(parseInt(value.slice(i + 1, i + 3), 16));
			i += 2;
		} else if (c === '+') out.push(32);
		else out.push(...new TextEncoder().encode(c));
	}
	return new Uint8Array(out);
}

function indexOfBytes(haystack: Uint8Array, needle: Uint8Array, from: number): number {
	return Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength).indexOf(
		needle,
		from
	);
}

function splitBytes(bytes: Uint8Array, separator: Uint8Array): Uint8Array[] {
	const parts: Uint8Array[] = [];
	let start = indexOfBytes(bytes, separator, 0);
	while (start >= 0) {
		const next = indexOfBytes(bytes, separator, start + separator.length);
		if (next < 0) break;
		parts.push(bytes.subarray(start + separator.length + 2, next - 2));
		start = next;
	}
	return parts;
}
