import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	createScratchDatabase,
	POSTGRES_ADMIN_URL,
	type ScratchDatabase
} from '../setup/databases';
import { startServer, type RunningServer } from '../setup/server-process';

// Only a database server can go away under a running app; embedded PGlite lives in the process.
describe('/healthz when PostgreSQL goes away', () => {
	let scratch: ScratchDatabase;
	let server: RunningServer;
	let dbName: string;

	async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
		const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
		await client.connect();
		try {
			return await fn(client);
		} finally {
			await client.end();
		}
	}

	beforeAll(async () => {
		scratch = await createScratchDatabase('postgres', 'health', { migrated: true });
		dbName = new URL(scratch.env.DATABASE_URL!).pathname.slice(1);
		server = await startServer(scratch.env);
	});
	afterAll(async () => {
		await admin((c) => c.query(`alter database ${dbName} allow_connections true`));
		await server?.stop();
		await scratch?.drop();
	});

	it('answers 503 while the database refuses connections and 200 once it is back', async () => {
		expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
		await admin(async (c) => {
			await c.query(`alter database ${dbName} allow_connections false`);
			await c.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [
				dbName
			]);
		});
		const down = await fetch(`${server.baseUrl}/healthz`);
		expect(down.status).toBe(503);
		expect(await down.json()).toEqual({ status: 'unavailable', database: false });

		await admin((c) => c.query(`alter database ${dbName} allow_connections true`));
		expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
	});
});
