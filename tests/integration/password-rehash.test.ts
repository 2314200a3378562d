import { afterEach, describe, expect, it, vi } from 'vitest';
import { logIn, signUp } from '../../src/lib/server/auth/accounts';
import { hashCost } from '../../src/lib/server/auth/password';
import { findCredentials } from '../../src/lib/server/db/queries/users';
import { useTestDatabase } from '../helpers/database';

const database = useTestDatabase('rehash');
const FULL = { memoryCost: 19456, timeCost: 2, parallelism: 1 };
const PASSWORD = 'correct horse battery';

/** The server's environment: a test server on loopback, or a real one. */
function asServer(env: { NODE_ENV: string; HOST: string }) {
	vi.stubEnv('NODE_ENV', env.NODE_ENV);
	vi.stubEnv('HOST', env.HOST);
}
afterEach(() => void vi.unstubAllEnvs());

async function storedHash(email: string): Promise<string> {
	return (await findCredentials(database().db, { email }))!.passwordHash;
}

describe('the cheap password hash of a test run', () => {
	it('is made only under NODE_ENV=test on loopback, and re-hashed at full cost at the next login elsewhere', async () => {
		const db = database().db;
		const email = `rehash-${crypto.randomUUID()}@example.com`;
		asServer({ NODE_ENV: 'test', HOST: '127.0.0.1' });
		const signedUp = await signUp(db, {
			name: 'Test',
			email,
			password: PASSWORD,
			orgName: 'Rehash',
			orgKind: 'firm'
		});
		expect(signedUp.ok).toBe(true);
		const cheap = await storedHash(email);
		expect(hashCost(cheap)!.memoryCost).toBeLessThan(FULL.memoryCost);
		// Still in test mode: a login keeps the cheap hash.
		expect(await logIn(db, { email, password: PASSWORD, address: '10.0.0.1' })).toMatchObject({
			ok: true
		});
		expect(await storedHash(email)).toBe(cheap);

		// The same database under a real server: a wrong password changes nothing …
		asServer({ NODE_ENV: 'production', HOST: '127.0.0.1' });
		expect(await logIn(db, { email, password: 'wrong', address: '10.0.0.1' })).toEqual({
			ok: false,
			reason: 'wrong_credentials'
		});
		expect(await storedHash(email)).toBe(cheap);
		// … the right one logs in and stores a full-cost hash of the same password.
		expect(await logIn(db, { email, password: PASSWORD, address: '10.0.0.1' })).toMatchObject({
			ok: true
		});
		const full = await storedHash(email);
		expect(hashCost(full)).toEqual(FULL);
		expect(await logIn(db, { email, password: PASSWORD, address: '10.0.0.1' })).toMatchObject({
			ok: true
		});
		// Once at full cost, a login leaves it alone.
		expect(await storedHash(email)).toBe(full);
	});

	it('is never made by a test server listening on a real interface, nor outside test mode', async () => {
		const db = database().db;
		for (const env of [
			{ NODE_ENV: 'test', HOST: '0.0.0.0' },
			{ NODE_ENV: 'test', HOST: '' },
			{ NODE_ENV: 'production', HOST: 'localhost' },
			{ NODE_ENV: 'development', HOST: '::1' }
		]) {
			asServer(env);
			const email = `full-${crypto.randomUUID()}@example.com`;
			await signUp(db, { name: 'T', email, password: PASSWORD, orgName: null, orgKind: 'firm' });
			expect(hashCost(await storedHash(email)), JSON.stringify(env)).toEqual(FULL);
		}
		for (const HOST of ['localhost', '::1']) {
			asServer({ NODE_ENV: 'test', HOST });
			const email = `cheap-${crypto.randomUUID()}@example.com`;
			await signUp(db, { name: 'T', email, password: PASSWORD, orgName: null, orgKind: 'firm' });
			expect(hashCost(await storedHash(email))!.memoryCost, HOST).toBeLessThan(FULL.memoryCost);
		}
	});
});
