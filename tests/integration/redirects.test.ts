import { describe, expect, inject, it } from 'vitest';
import { Browser, PASSWORD, signUp } from '../helpers/browser';

/**
 * After a log-in or a language change the browser goes back where it was, on this origin only.
 * Each payload is sent as a query or form value; where the answer sends the browser is read the
 * way a browser reads a Location header (the WHATWG URL parser, as Chromium's).
 */
const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;

/** Payloads that once left the site, as the decoded value of `next` / `redirectTo`. */
const OFF_SITE = [
	'//evil.example/phish',
	'/\\evil.example/phish',
	'\\\\evil.example/phish',
	'/%2F/evil.example',
	'/%09/evil.example/phish',
	'/%5Cevil.example',
	'%2F%2Fevil.example',
	'/.//evil.example/phish',
	'/a/..//evil.example',
	'https://evil.example/phish',
	'http:evil.example',
	'javascript:alert(1)',
	'evil.example'
];
/** Control characters a browser strips or a header refuses: 400, never a redirect or a 500. */
const CONTROL = [
	'/\t/evil.example/phish',
	'/\r\nLocation: http://evil.example',
	'/\n/evil.example',
	'/\u000b/evil.example',
	'/\u0000/x'
];

function expectOnOrigin(location: string | null) {
	expect(location).toBeTruthy();
	const target = new URL(location!, baseUrl);
	expect(target.origin).toBe(origin);
	// Not a scheme-relative or backslashed path a browser could read as a host.
	expect(location).toMatch(/^\/(?![/\\])/);
}

describe('the post-login redirect', () => {
	it('stays on the origin for every off-site payload, and keeps a path of the site', async () => {
		const { email } = await signUp(new Browser());
		for (const next of OFF_SITE) {
			const page = await new Browser().post(`/login?next=${encodeURIComponent(next)}`, {
				email,
				password: PASSWORD
			});
			expect(page.status, next).toBe(303);
			expectOnOrigin(page.location);
		}
		const page = await new Browser().post(
			`/login?next=${encodeURIComponent('/account?tab=password#top')}`,
			{ email, password: PASSWORD }
		);
		expect(page.location).toBe('/account?tab=password#top');
	});

	it('refuses a control character in next with 400, before and after logging in', async () => {
		const browser = new Browser();
		const { email } = await signUp(browser);
		for (const next of CONTROL) {
			const query = `/login?next=${encodeURIComponent(next)}`;
			expect((await new Browser().get(query)).status, JSON.stringify(next)).toBe(400);
			expect((await browser.get(query)).status, JSON.stringify(next)).toBe(400);
			const posted = await new Browser().post(query, { email, password: PASSWORD });
			expect(posted.status, JSON.stringify(next)).toBe(400);
		}
	});

	it('sends a signed-in visitor of /login?next= to a path of the site', async () => {
		const browser = new Browser();
		await signUp(browser);
		for (const next of OFF_SITE) {
			const page = await browser.get(`/login?next=${encodeURIComponent(next)}`);
			expect(page.status, next).toBe(303);
			expectOnOrigin(page.location);
		}
	});
});

describe('the language switch', () => {
	it('stays on the origin and refuses control characters', async () => {
		for (const redirectTo of OFF_SITE) {
			const page = await new Browser().post('/language', { lang: 'en', redirectTo });
			expect(page.status, redirectTo).toBe(303);
			expectOnOrigin(page.location);
		}
		for (const redirectTo of CONTROL) {
			const page = await new Browser().post('/language', { lang: 'en', redirectTo });
			expect(page.status, JSON.stringify(redirectTo)).toBe(400);
			expect(page.headers.getSetCookie().join(';')).not.toContain('lang=');
		}
		const back = await new Browser().post('/language', {
			lang: 'zh',
			redirectTo: '/library?q=数据'
		});
		expect(back.status).toBe(303);
		expect(new URL(back.location!, baseUrl).pathname).toBe('/library');
	});
});
