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
