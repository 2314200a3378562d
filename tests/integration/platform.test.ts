import { describe, expect, it } from 'vitest';
import { Browser } from '../helpers/browser';

describe('health and headers', () => {
	it('answers /healthz with 200 while the database is reachable', async () => {
		const page = await new Browser().get('/healthz');
		expect(page.status).toBe(200);
		expect(JSON.parse(page.body)).toEqual({ status: 'ok', database: true });
	});

	it('sends the security headers on every page', async () => {
		const page = await new Browser().get('/login');
		const csp = page.headers.get('content-security-policy') ?? '';
		expect(csp).toContain("frame-ancestors 'none'");
		expect(csp).toMatch(/script-src 'self' 'nonce-/);
		expect(page.headers.get('x-content-type-options')).toBe('nosniff');
		expect(page.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
		expect(page.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
	});

	it('refuses a cross-origin form post', async () => {
		const page = await new Browser().post(
			'/login',
			{ email: 'a@b.cn', password: 'x' },
			{ origin: 'https://evil.example' }
		);
		expect(page.status).toBe(403);
	});
});

describe('language', () => {
	it('follows the browser language first, Chinese otherwise', async () => {
		const en = await new Browser().get('/login', { 'accept-language': 'en-GB,en;q=0.9' });
		expect(en.body).toContain('<html lang="en">');
		expect(en.text).toContain('Log in to Sandbox Readiness');
		const zh = await new Browser().get('/login', { 'accept-language': 'zh-CN,zh;q=0.9' });
		expect(zh.body).toContain('<html lang="zh-CN">');
		expect(zh.text).toContain('登录合规预检');
		const none = await new Browser().get('/login');
		expect(none.body).toContain('<html lang="zh-CN">');
	});

	it('remembers the switch in a cookie and returns to the same page', async () => {
		const browser = new Browser();
		const switched = await browser.post('/language', { lang: 'en', redirectTo: '/login' });
		expect(switched.status).toBe(303);
		expect(switched.location).toBe('/login');
		expect(browser.cookies.get('lang')).toBe('en');
		const page = await browser.get('/login', { 'accept-language': 'zh-CN' });
		expect(page.body).toContain('<html lang="en">');
	});

	it('refuses an unknown language and an off-site return address', async () => {
		const browser = new Browser();
		expect((await browser.post('/language', { lang: 'fr', redirectTo: '/' })).status).toBe(400);
		const offsite = await browser.post('/language', {
			lang: 'en',
			redirectTo: 'https://evil.example/'
		});
		expect(offsite.location).toBe('/');
	});
});
