import { describe, expect, it } from 'vitest';
import { Browser, PASSWORD, signUp, uniqueEmail } from '../helpers/browser';

/**
 * Throttling slows attackers, not users (src/lib/server/auth/throttle.ts): a stranger's wrong
 * guesses hold up untrusted browsers, never the browser the owner logged in with before.
 */
const logIn = (browser: Browser, email: string, password: string) =>
	browser.post('/login', { email, password });

/** Someone who signed up, then logged in once from `known`: that browser is trusted. */
async function ownerWithKnownBrowser() {
	const { email } = await signUp(new Browser());
	const known = new Browser(undefined, { lang: 'en' });
	expect((await logIn(known, email, PASSWORD)).status).toBe(303);
	expect(known.cookies.get('device')).toMatch(/^[a-z2-7]{24}\.[a-z2-7]{24}$/);
	return { email, known };
}

describe('log-in throttling', () => {
	it('lets the owner’s known browser in after a stranger’s wrong guesses, and holds up the stranger', async () => {
		const { email, known } = await ownerWithKnownBrowser();
		const statuses: number[] = [];
		for (let i = 0; i < 7; i++)
			statuses.push((await logIn(new Browser(), email, `wrong-${i}-password`)).status);
		// Five guesses are evaluated; the rest wait, whatever address they come from.
		expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429]);
		const held = await logIn(new Browser(undefined, { lang: 'en' }), email, PASSWORD);
		expect(held.status).toBe(429);
		expect(Number(held.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(held.text).toMatch(/Try again in \d+ seconds/);

		known.cookies.delete('session');
		const owner = await logIn(known, email, PASSWORD);
		expect(owner.status).toBe(303);
		expect((await known.get('/account')).status).toBe(200);
	});

	it('gives a known browser its own allowance: a stolen device cookie of another account is no use', async () => {
		const { email, known } = await ownerWithKnownBrowser();
		const other = await ownerWithKnownBrowser();
		// The other account's trusted cookie, presented for this account: an untrusted attempt.
		const thief = new Browser();
		thief.cookies.set('device', other.known.cookies.get('device')!);
		for (let i = 0; i < 5; i++)
			expect((await logIn(thief, email, `wrong-${i}-password`)).status).toBe(400);
		expect((await logIn(thief, email, PASSWORD)).status).toBe(429);
		known.cookies.delete('session');
		expect((await logIn(known, email, PASSWORD)).status).toBe(303);
	});

	it('holds up an address spraying many accounts, but not a known browser behind it', async () => {
		const address = `10.250.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
		const { email, known } = await ownerWithKnownBrowser();
		const sprayer = () => new Browser(undefined, { address });
		for (let i = 0; i < 20; i++)
			expect((await logIn(sprayer(), uniqueEmail('spray'), 'wrong password!')).status).toBe(400);
		expect((await logIn(sprayer(), email, PASSWORD)).status).toBe(429);
		// The owner's own browser, on the same shared proxy address.
		const behindProxy = new Browser(undefined, { address });
		behindProxy.cookies.set('device', known.cookies.get('device')!);
		expect((await logIn(behindProxy, email, PASSWORD)).status).toBe(303);
	});

	it('counts an IPv6 /64 as one address', async () => {
		const prefix = `2001:db8:${Math.floor(Math.random() * 65535).toString(16)}:7`;
		for (let i = 0; i < 20; i++) {
			const address = `${prefix}:${i.toString(16)}::${(i + 1).toString(16)}`;
			const page = await logIn(
				new Browser(undefined, { address }),
				uniqueEmail('v6'),
				'wrong!!!!!'
			);
			expect(page.status).toBe(400);
		}
		const { email } = await signUp(new Browser());
		const neighbour = new Browser(undefined, { address: `${prefix}:ffff:1:2:3` });
		expect((await logIn(neighbour, email, PASSWORD)).status).toBe(429);
		const nextNetwork = new Browser(undefined, { address: `${prefix}1::1` });
		expect((await logIn(nextNetwork, email, PASSWORD)).status).toBe(303);
	});
});

describe('the other password checks', () => {
	it('throttles the current-password check on /account', async () => {
		const browser = new Browser(undefined, { lang: 'en' });
		await signUp(browser);
		const change = (currentPassword: string) =>
			browser.post('/account?/password', {
				currentPassword,
				newPassword: 'another horse battery',
				confirmPassword: 'another horse battery'
			});
		for (let i = 0; i < 5; i++) expect((await change(`wrong-${i}-password`)).status).toBe(400);
		const held = await change(PASSWORD);
		expect(held.status).toBe(429);
		expect(held.text).toMatch(/Try again in \d+ seconds/);
	});

	it('throttles sign-ups from one address', async () => {
		const address = `10.251.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
		for (let i = 0; i < 10; i++) await signUp(new Browser(undefined, { address }));
		const held = await new Browser(undefined, { address, lang: 'en' }).post('/signup', {
			name: 'Li Lei',
			email: uniqueEmail(),
			password: PASSWORD,
			orgName: '浦江数科有限公司',
			orgKind: 'firm'
		});
		expect(held.status).toBe(429);
		expect(held.text).toMatch(/Try again in \d+ seconds/);
	});
});
