import { describe, expect, it } from 'vitest';
import { Browser, PASSWORD, signUp } from '../helpers/browser';

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
