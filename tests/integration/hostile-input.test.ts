import { describe, expect, it } from 'vitest';
import { Browser, signUp } from '../helpers/browser';
import { saveAnswer, saveProfile, startAssessment } from '../helpers/assessment';
import { rawRequest } from '../helpers/raw-http';
import { apiOrganisation, apiProfile } from '../helpers/api';

describe('hostile input', () => {
	it('shows script and markup in free text as text', async () => {
		const browser = new Browser(undefined, { lang: 'en' });
		const { orgId } = await signUp(browser, { orgName: '<img src=x onerror=alert(1)>' });
		const base = await startAssessment(browser, orgId, '<script>alert("title")</script>');
		await saveProfile(browser, base, 0);
		const note = '<script>alert("note")</script><b>bold</b>';
		expect(
			(
				await saveAnswer(browser, base, 'LIC-001', 0, {
					status: 'partial',
					note,
					owner: '"><svg onload=alert(1)>'
				})
			).status
		).toBe(200);
		for (const path of [`/o/${orgId}`, `${base}/items/LIC-001`, `${base}/result`]) {
			const page = await browser.get(path);
			expect(page.body, path).not.toContain('<script>alert(');
			expect(page.body, path).not.toContain('<img src=x');
			expect(page.body, path).not.toContain('<svg onload');
		}
		const item = await browser.get(`${base}/items/LIC-001`);
		expect(item.body).toContain('&lt;script>alert("note")&lt;/script>&lt;b>bold&lt;/b>');
	});

	it('treats SQL metacharacters as plain data', async () => {
		const browser = new Browser(undefined, { lang: 'en' });
		const name = 'O\'Brien"; DROP TABLE users; --';
		const { orgId } = await signUp(browser, { orgName: name, name });
		const home = await browser.get(`/o/${orgId}`);
		expect(home.text).toContain(name);
		expect((await new Browser().get('/healthz')).status).toBe(200);
	});

	it('refuses an oversized body with 413 and saves nothing, after letting the client send it', async () => {
		const browser = new Browser(undefined, { lang: 'en' });
		const { orgId } = await signUp(browser);
		const base = await startAssessment(browser, orgId);
		await saveProfile(browser, base, 0);
		const form = new URLSearchParams({
			__superform_id: 'LIC-001',
			itemId: 'LIC-001',
			version: '0',
			status: 'compliant',
			// 5 MB: five times the form limit, and more than the kernel's socket buffers take in
			// unread, so a server that stops reading makes the send fail (under adapter-node's 6 MB).
			note: 'x'.repeat(5 * 1024 * 1024)
		});
		// A plain socket: fetch would lose the answer with EPIPE if the server closed mid-body.
		const huge = await rawRequest(browser.baseUrl, {
			method: 'POST',
			path: `${base}/items/LIC-001?/save`,
			headers: browser.headers({
				'content-type': 'application/x-www-form-urlencoded',
				origin: browser.baseUrl
			}),
			body: new TextEncoder().encode(form.toString())
		});
		expect(huge.status).toBe(413);
		expect(huge.body).toContain('Request body too large');
		// The server read the body before answering, so a browser finishes sending and shows the 413
		// (closing mid-body resets the connection: EPIPE or ECONNRESET here, a network error there).
		expect(huge.socketError).toBeNull();
		expect((await browser.get(`${base}/items/LIC-001`)).text).toContain('No changes yet.');
	});

	it('refuses a note over 5,000 characters with a message on the field', async () => {
		const browser = new Browser(undefined, { lang: 'en' });
		const { orgId } = await signUp(browser);
		const base = await startAssessment(browser, orgId);
		await saveProfile(browser, base, 0);
		const long = await saveAnswer(browser, base, 'LIC-001', 0, {
			status: 'compliant',
			note: '长'.repeat(5001)
		});
		expect(long.status).toBe(400);
		expect(long.text).toContain('A note can be at most 5000 characters.');
	});

	it('refuses a null character with 400 naming the field, and stores nothing', async () => {
		const browser = new Browser(undefined, { lang: 'en' });
		const { orgId } = await signUp(browser);
		const refused = await browser.post(`/o/${orgId}/assessments?/start`, { title: 'a\u0000b' });
		expect(refused.status).toBe(400);
		// Named as the form labels it, in the reader's language.
		expect(refused.text).toContain('The field “Title” contains a null character');
		expect((await browser.get(`/o/${orgId}/assessments`)).text).not.toContain('ab');
		const query = await browser.get('/library/items?q=%00');
		expect(query.status).toBe(400);
		expect(query.text).toContain('“Search”');
		const zh = new Browser(browser.baseUrl, { address: browser.address, lang: 'zh' });
		for (const [k, v] of browser.cookies) if (k !== 'lang') zh.cookies.set(k, v);
		const inChinese = await zh.post(`/o/${orgId}/assessments?/start`, { title: 'a\u0000b' });
		expect(inChinese.status).toBe(400);
		expect(inChinese.text).toContain('字段“评估名称”含有无法保存的空字符');
	});

	it('refuses a null character in a multipart text field, as in any other form', async () => {
		const browser = new Browser(undefined, { lang: 'en' });
		const { orgId } = await signUp(browser);
		const body = new FormData();
		body.append('title', 'multi\u0000part');
		const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
		const refused = await fetch(`${browser.baseUrl}/o/${orgId}/assessments?/start`, {
			method: 'POST',
			headers: { cookie, origin: browser.baseUrl, 'x-forwarded-for': browser.address },
			body,
			redirect: 'manual'
		});
		expect(refused.status).toBe(400);
		expect(await refused.text()).toContain('The field “Title” contains a null character');
		expect((await browser.get(`/o/${orgId}/assessments`)).text).not.toContain('multipart');
	});

	it('refuses half a surrogate pair in JSON with 400 naming the field, and creates nothing', async () => {
		const { api } = await apiOrganisation();
		const before = await api.get('/clients');
		const refused = await api.post('/clients', { name: 'x\ud800y' });
		expect(refused.status).toBe(400);
		expect(refused.json.error.fields.name).toContain('UTF-16');
		// Named by its label in the base language (the request names none).
		expect(refused.json.error.message).toContain('字段“名称”');
		const profile = await api.post('/assessments', {
			profile: { ...apiProfile, registered_name: 'x\udc00' }
		});
		expect(profile.status).toBe(400);
		expect(Object.keys(profile.json.error.fields)).toEqual(['registered_name']);
		expect((await api.get('/clients')).json).toEqual(before.json);
		// A whole pair is ordinary text.
		expect((await api.post('/clients', { name: '\ud83d\ude00 Emoji Ltd' })).status).toBe(201);
	});

	it('refuses bytes that are not UTF-8 with 400 naming the field by its label: form, multipart, API', async () => {
		const browser = new Browser(undefined, { lang: 'en' });
		const { orgId } = await signUp(browser);
		const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
		const send = (path: string, type: string, body: Uint8Array<ArrayBuffer>) =>
			fetch(`${browser.baseUrl}${path}`, {
				method: 'POST',
				headers: {
					cookie,
					origin: browser.baseUrl,
					'x-forwarded-for': browser.address,
					'content-type': type
				},
				body,
				redirect: 'manual'
			});
		const bytes = (...parts: (string | number[])[]) =>
			new Uint8Array(
				Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))))
			);

		// A GBK-encoded title percent-encoded by a misconfigured client: %D6%D0 is 中 in GBK.
		const form = await send(
			`/o/${orgId}/assessments?/start`,
			'application/x-www-form-urlencoded',
			bytes('title=%D6%D0%CE%C4')
		);
		expect(form.status).toBe(400);
		expect(await form.text()).toContain('The field “Title” contains bytes that are not text');

		const boundary = 'xBOUNDARYx';
		const multipart = await send(
			`/o/${orgId}/assessments?/start`,
			`multipart/form-data; boundary=${boundary}`,
			bytes(
				`--${boundary}\r\ncontent-disposition: form-data; name="title"\r\n\r\nab`,
				[0xff, 0xfe],
				`\r\n--${boundary}--\r\n`
			)
		);
		expect(multipart.status).toBe(400);
		expect(await multipart.text()).toContain('The field “Title” contains bytes that are not text');
		expect((await browser.get(`/o/${orgId}/assessments`)).text).not.toContain('�');

		const { api, token } = await apiOrganisation();
		const before = await api.get('/clients');
		const json = await fetch(`${api.baseUrl}/api/v1/clients`, {
			method: 'POST',
			headers: {
				authorization: `Bearer ${token}`,
				'content-type': 'application/json',
				'accept-language': 'zh-CN'
			},
			body: bytes('{"name":"', [0xc3, 0x28], '"}')
		});
		expect(json.status).toBe(400);
		const refused = (await json.json()) as {
			error: { message: string; fields: Record<string, string> };
		};
		expect(Object.keys(refused.error.fields)).toEqual(['name']);
		expect(refused.error.message).toContain('字段“名称”含有无法识别的字符');
		expect((await api.get('/clients')).json).toEqual(before.json);
	});
});
