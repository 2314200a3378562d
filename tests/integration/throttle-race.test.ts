import { describe, expect, it } from 'vitest';
import { Browser, PASSWORD, signUp } from '../helpers/browser';
import { enableTwoFactor, totpCode } from '../helpers/totp';

/** `count` browsers, each logged in with the password (one after another) and owing the code. */
async function pendingSecondFactor(email: string, count: number): Promise<Browser[]> {
	const browsers: Browser[] = [];
	for (let i = 0; i < count; i++) {
		const browser = new Browser();
		const page = await browser.post('/login', { email, password: PASSWORD });
		expect(page.location).toMatch(/^\/two-factor/);
		browsers.push(browser);
	}
	return browsers;
}

/**
 * The check and the record are one statement (db/queries/throttle-counters.ts): 25 wrong passwords
 * sent at once have no more than the allowance (5) evaluated. PostgreSQL only: on PGlite requests
 * never overlap in the database, so the race would prove nothing (vitest.config.ts, CONCURRENCY).
 */
describe('log-in throttling under a burst', () => {
	it('evaluates no more than five of 25 parallel wrong passwords', async () => {
		const { email } = await signUp(new Browser());
		const known = new Browser();
		expect((await known.post('/login', { email, password: PASSWORD })).status).toBe(303);
		const pages = await Promise.all(
			Array.from({ length: 25 }, (_, i) =>
				new Browser().post('/login', { email, password: `wrong-${i}-password` })
			)
		);
		const statuses = pages.map((p) => p.status);
		// 400: the password was checked (and wrong); 429: refused before any check.
		expect(statuses.filter((s) => s === 400).length).toBeLessThanOrEqual(5);
		expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(20);
		expect(statuses.every((s) => s === 400 || s === 429)).toBe(true);
		// The owner's known browser still gets in.
		known.cookies.delete('session');
		expect((await known.post('/login', { email, password: PASSWORD })).status).toBe(303);
	});
});

describe('second-factor codes under a burst', () => {
	it('evaluates no more than five of 25 parallel wrong codes', async () => {
		const owner = new Browser();
		const { email } = await signUp(owner);
		await enableTwoFactor(owner);
		// One session that passed the password sends 25 guesses at once.
		const [attacker] = await pendingSecondFactor(email, 1);
		const pages = await Promise.all(
			Array.from({ length: 25 }, (_, i) =>
				attacker!.post('/two-factor', { code: String(100000 + i) })
			)
		);
		const statuses = pages.map((p) => p.status);
		expect(statuses.filter((s) => s === 400).length).toBeLessThanOrEqual(5);
		expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(20);
		expect(statuses.every((s) => s === 400 || s === 429)).toBe(true);
	});

	it('accepts one code once, however many log-ins race with it', async () => {
		const owner = new Browser();
		const { email } = await signUp(owner);
		const { key } = await enableTwoFactor(owner);
		const browsers = await pendingSecondFactor(email, 5);
		const code = totpCode(key, 1);
		const pages = await Promise.all(browsers.map((b) => b.post('/two-factor', { code })));
		const statuses = pages.map((p) => p.status).sort();
		expect(statuses).toEqual([303, 400, 400, 400, 400]);
	});
});
