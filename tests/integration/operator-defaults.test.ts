import { describe, expect, it } from 'vitest';
import { createScratchDatabase } from '../setup/databases';
import { freePort, startServer } from '../setup/server-process';
import { readServerEnv } from '../../src/lib/server/env';

/** What an operator meets first: safe defaults, HSTS behind https, a start-up error that says what to check. */
describe('operator defaults', () => {
	it('listens on this machine only and keeps the demo to the embedded database there', () => {
		expect(readServerEnv({}).host).toBe('127.0.0.1');
		expect(readServerEnv({}).demo).toBe(true);
		expect(readServerEnv({ HOST: '0.0.0.0' }).demo).toBe(false);
		expect(readServerEnv({ DATABASE_URL: 'postgres://db/app' }).demo).toBe(false);
		expect(readServerEnv({ HOST: '0.0.0.0', DEMO: '1' }).demo).toBe(true);
		expect(readServerEnv({}).reportRendersPerOrg).toBe(2);
		expect(readServerEnv({ REPORT_RENDERS_PER_ORG: '5', REPORT_WAIT_SECONDS: '3' })).toMatchObject({
			reportRendersPerOrg: 5,
			reportWaitSeconds: 3
		});
	});

	it('sends HSTS when the public origin is https', { timeout: 200_000 }, async () => {
		const database = await createScratchDatabase('pglite', 'hsts');
		const server = await startServer({ ...database.env, ORIGIN: 'https://readiness.example.com' });
		try {
			const response = await fetch(`${server.baseUrl}/login`);
			expect(response.headers.get('strict-transport-security')).toBe(
				'max-age=31536000; includeSubDomains'
			);
		} finally {
			await server.stop();
			await database.drop();
		}
	});

	it(
		'names an unreachable PostgreSQL database, without its password, and what to check',
		{ timeout: 200_000 },
		async () => {
			const port = await freePort();
			const database = await createScratchDatabase('pglite', 'unreachable');
			try {
				const failed = await startServer({
					...database.env,
					DATABASE_URL: `postgres://app:s3cret-pw@127.0.0.1:${port}/readiness`
				}).catch((error: Error) => error);
				expect(failed).toBeInstanceOf(Error);
				const output = (failed as Error).message;
				expect(output).toContain(
					`cannot use the PostgreSQL database postgres://app@127.0.0.1:${port}/readiness`
				);
				expect(output).toContain('Check that the server is running');
				expect(output).not.toContain('s3cret-pw');
			} finally {
				await database.drop();
			}
		}
	);
});
