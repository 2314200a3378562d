import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { waitedTooLongForConnection } from '../../src/lib/server/db/connection';
import { POSTGRES_ADMIN_URL } from '../setup/databases';

// A request that waits past the pool's limit for a connection (a burst on a busy machine) is
// answered 503 with Retry-After, not 500: the hook knows it by pg-pool's own error, read here from a
// real pool whose only connection is taken.
describe('waiting for a database connection', () => {
	it("recognises pg-pool's error for a request that waited its turn past the limit", async () => {
		const pool = new pg.Pool({
			connectionString: POSTGRES_ADMIN_URL,
			max: 1,
			connectionTimeoutMillis: 200
		});
		const held = await pool.connect();
		const waited = await pool.connect().then(
			(client) => {
				client.release();
				return null;
			},
			(error: unknown) => error
		);
		held.release();
		await pool.end();
		expect(waitedTooLongForConnection(waited)).toBe(true);
		expect(waitedTooLongForConnection(new Error('connection refused'))).toBe(false);
	});
});
