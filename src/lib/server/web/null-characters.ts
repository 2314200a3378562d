/**
 * PostgreSQL cannot store U+0000 in text or jsonb: a value holding one would fail deep in a query
 * as a 500. Such a character is never part of real text, so the request is refused up front.
 * Multipart bodies are left alone: they carry files, where zero bytes are ordinary.
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
	return null;
}

/** Any NUL in the URL's query parameters, for GET forms (filters). */
export function queryWithNullCharacter(url: URL): string | null {
	for (const [name, value] of url.searchParams) {
		if (name.includes('\0') || value.includes('\0')) return name.replaceAll('\0', '');
	}
	return null;
}
