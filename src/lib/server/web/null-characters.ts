import { isUtf8 } from 'node:buffer';
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
		// On the raw bytes, as fieldWithInvalidUtf8 does: parsing the whole form here (formData())
		// took seconds of this thread for a 6 MB body of 100,000 tiny parts.
		const body = await multipartBody(request, type);
		if (!body || body.bytes.indexOf(0) < 0) return null;
		for (const part of textParts(body)) {
			if (body.bytes.subarray(part.start, part.end).indexOf(0) >= 0 || part.name.includes('\0'))
				return part.name.replaceAll('\0', '');
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
	const body = await multipartBody(request, type);
	// Valid as a whole (no file, or text files): every text part is.
	if (!body || isUtf8(body.bytes)) return null;
	for (const part of textParts(body))
		if (!isUtf8(body.bytes.subarray(part.start, part.end))) return part.name;
	return null;
}

const CRLF2 = Buffer.from('\r\n\r\n');
const lossy = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

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

interface MultipartBody {
	bytes: Buffer;
	delimiter: Buffer;
}

async function multipartBody(request: Request, type: string): Promise<MultipartBody | null> {
	const boundary = /^multipart\/form-data;.*\bboundary="?([^";]+)"?/i.exec(type)?.[1];
	if (!boundary) return null;
	return {
		bytes: Buffer.from(await request.clone().arrayBuffer()),
		delimiter: Buffer.from(`\r\n--${boundary}`)
	};
}

/**
 * The text parts of a multipart body (those without a filename): each part's field name and where
 * its value lies in the body. One pass of native searches, nothing copied.
 */
function* textParts({ bytes, delimiter }: MultipartBody): Generator<{
	name: string;
	start: number;
	end: number;
}> {
	// The first delimiter may open the body without the CRLF before it.
	let at = bytes.indexOf(delimiter.subarray(2));
	if (at < 0) return;
	at += delimiter.length - 2;
	for (;;) {
		const headerEnd = bytes.indexOf(CRLF2, at);
		if (headerEnd < 0) return;
		const next = bytes.indexOf(delimiter, headerEnd);
		if (next < 0) return;
		const headers = bytes.toString('latin1', at, headerEnd);
		const name = /\bname="([^"]*)"/i.exec(headers)?.[1];
		if (name !== undefined && !/filename\*?=/i.test(headers))
			yield {
				name: Buffer.from(name, 'latin1').toString('utf8'),
				start: headerEnd + 4,
				end: next
			};
		at = next + delimiter.length;
	}
}
