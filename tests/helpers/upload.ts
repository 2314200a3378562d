import type { Browser } from './browser';
import { Page } from './browser';

/** Posts a multipart form with one file, as a browser without JavaScript does. */
export async function postFile(
	browser: Browser,
	path: string,
	file: { name: string; type: string; bytes: Uint8Array | string },
	fields: Record<string, string> = {}
): Promise<Page> {
	const body = new FormData();
	for (const [k, v] of Object.entries(fields)) body.append(k, v);
	body.append('file', new Blob([file.bytes as BlobPart], { type: file.type }), file.name);
	const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
	const response = await fetch(browser.baseUrl + path, {
		method: 'POST',
		headers: {
			accept: 'text/html,application/xhtml+xml',
			'x-forwarded-for': browser.address,
			origin: browser.baseUrl,
			...(cookie ? { cookie } : {})
		},
		body,
		redirect: 'manual'
	});
	return new Page(response.status, response.headers, await response.text());
}
