import { describe, expect, it } from 'vitest';
import { Browser, PASSWORD, signUp, uniqueEmail } from '../helpers/browser';

describe('sign-up', () => {
	it('creates the account and its organisation, and logs the person in', async () => {
		const browser = new Browser();
		const { orgId } = await signUp(browser, { orgName: '陆家嘴智投科技' });
		const home = await browser.get(`/o/${orgId}`);
		expect(home.status).toBe(200);
		expect(home.text).toContain('陆家嘴智投科技');
		const session = browser.cookies.get('session');
		expect(session).toMatch(/^[a-z2-7]+\.[a-z2-7]+$/);
	});

	it('sets the session cookie HttpOnly and SameSite=Lax, expiring after the 12-hour idle timeout', async () => {
		const { email } = await signUp(new Browser());
		const response = await fetch(`${new Browser().baseUrl}/login`, {
			method: 'POST',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				origin: new Browser().baseUrl
			},
			body: new URLSearchParams({ email, password: PASSWORD }),
			redirect: 'manual'
		});
		const cookie = response.headers.getSetCookie().find((c) => c.startsWith('session='));
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/SameSite=Lax/i);
		const expires = new Date(cookie!.match(/Expires=([^;]+)/i)![1]!);
		// Renewed while used, up to the absolute lifetime (30 days by default).
		const hours = (expires.getTime() - Date.now()) / 3_600_000;
		expect(hours).toBeGreaterThan(11.9);
		expect(hours).toBeLessThanOrEqual(12);
	});

	it('rejects bad input field by field with 400 and saves nothing', async () => {
		const browser = new Browser();
		const email = uniqueEmail('bad');
		const page = await new Browser(undefined, { lang: 'en' }).post('/signup', {
			name: '',
			email,
			password: 'short',
			orgName: 'Org',
			orgKind: 'bank'
		});
		expect(page.status).toBe(400);
		expect(page.text).toContain('This field is required.');
		expect(page.text).toContain('Must be at least 10 characters.');
		expect(page.text).toContain('Choose one of the listed options.');
		// Nothing was saved: the same email can still sign up.
		await expect(signUp(browser, { email })).resolves.toMatchObject({ email });
	});

	it('explains a malformed email in Chinese by default', async () => {
		const page = await new Browser().post('/signup', {
			name: '王芳',
			email: 'not-an-email',
			password: PASSWORD,
			orgName: '某公司',
			orgKind: 'firm'
		});
		expect(page.status).toBe(400);
		expect(page.text).toContain('请输入有效的电子邮箱地址。');
	});
	// A second sign-up with a registered address: mail-accounts.test.ts (no enumeration).
});

describe('login and logout', () => {
	it('logs in with the right password and out again', async () => {
		const { email } = await signUp(new Browser());
		const browser = new Browser();
		const login = await browser.post('/login', { email, password: PASSWORD });
		expect(login.status).toBe(303);
		expect((await browser.get('/account')).status).toBe(200);
		const logout = await browser.post('/logout', {});
		expect(logout.status).toBe(303);
		expect(browser.cookies.has('session')).toBe(false);
		const account = await browser.get('/account');
		expect(account.status).toBe(303);
		expect(account.location).toBe('/login?next=%2Faccount');
	});

	it('says only that the email or password is wrong, whichever it was', async () => {
		const { email } = await signUp(new Browser());
		const wrongPassword = await new Browser(undefined, { lang: 'en' }).post('/login', {
			email,
			password: 'wrong password!'
		});
		const unknownEmail = await new Browser(undefined, { lang: 'en' }).post('/login', {
			email: uniqueEmail('nobody'),
			password: PASSWORD
		});
		for (const page of [wrongPassword, unknownEmail]) {
			expect(page.status).toBe(400);
			expect(page.text).toContain('Email or password is wrong.');
		}
	});

	it('issues a new session on login, so a planted cookie is never adopted', async () => {
		const { email } = await signUp(new Browser());
		const browser = new Browser();
		browser.cookies.set('session', 'aaaaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbb');
		await browser.post('/login', { email, password: PASSWORD });
		expect(browser.cookies.get('session')).not.toBe(
			'aaaaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbb'
		);
		expect((await browser.get('/account')).status).toBe(200);
	});

	it('does not follow a next parameter off the site', async () => {
		const { email } = await signUp(new Browser());
		const page = await new Browser().post('/login?next=//evil.example/x', {
			email,
			password: PASSWORD
		});
		expect(page.status).toBe(303);
		expect(page.location).toBe('/');
	});
});

// Login throttling: tests/integration/throttle.test.ts (and throttle-race.test.ts on PostgreSQL).

describe('password change', () => {
	it('ends every other session and keeps the current one', async () => {
		const first = new Browser();
		const { email } = await signUp(first);
		const second = new Browser();
		await second.post('/login', { email, password: PASSWORD });
		expect((await second.get('/account')).status).toBe(200);

		const newPassword = 'a brand new passphrase';
		const change = await first.post('/account?/password', {
			currentPassword: PASSWORD,
			newPassword,
			confirmPassword: newPassword
		});
		expect(change.status).toBe(200);
		expect((await first.get('/account')).status).toBe(200);
		expect((await second.get('/account')).status).toBe(303);

		const oldLogin = await new Browser().post('/login', { email, password: PASSWORD });
		expect(oldLogin.status).toBe(400);
		const newLogin = await new Browser().post('/login', { email, password: newPassword });
		expect(newLogin.status).toBe(303);
	});

	it('refuses a wrong current password or a mismatched confirmation, changing nothing', async () => {
		const browser = new Browser(undefined, { lang: 'en' });
		const { email } = await signUp(browser);
		const wrong = await browser.post('/account?/password', {
			currentPassword: 'not my password',
			newPassword: 'another long password',
			confirmPassword: 'another long password'
		});
		expect(wrong.status).toBe(400);
		expect(wrong.text).toContain('The current password is wrong.');
		const mismatch = await browser.post('/account?/password', {
			currentPassword: PASSWORD,
			newPassword: 'another long password',
			confirmPassword: 'a different password'
		});
		expect(mismatch.status).toBe(400);
		expect(mismatch.text).toContain('The new passwords do not match.');
		expect((await new Browser().post('/login', { email, password: PASSWORD })).status).toBe(303);
	});
});
