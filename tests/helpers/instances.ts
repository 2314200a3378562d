import { afterAll, beforeAll } from 'vitest';
import pg from 'pg';
import { createScratchDatabase, type ScratchDatabase } from '../setup/databases';
import { startServer, type RunningServer } from '../setup/server-process';

/**
 * Several `node build` processes on one new PostgreSQL database, started together as an operator's
 * process manager would start them behind a round-robin proxy, each on its own port. The test reads
 * the database directly through `sql` and each instance's log through `logLines`.
 */
export interface Instances {
	servers: RunningServer[];
	database: ScratchDatabase;
	sql<T = Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]>;
	/** The JSON log lines of one instance with this message. */
	logLines(server: RunningServer, msg: string): Record<string, unknown>[];
	stop(): Promise<void>;
}

export async function startInstances(
	count: number,
	env: Record<string, string> = {}
): Promise<Instances> {
	const database = await createScratchDatabase('postgres', 'instances');
	const settled = await Promise.allSettled(
		Array.from({ length: count }, () =>
			startServer({
				...database.env,
				LOG_LEVEL: 'info',
				...env
			})
		)
	);
	const servers = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
	const pool = new pg.Pool({ connectionString: database.env.DATABASE_URL, max: 2 });
	const stop = async () => {
		await Promise.all(servers.map((s) => s.stop()));
		await endPool(pool);
		await database.drop();
	};
	const failed = settled.find((s) => s.status === 'rejected');
	if (failed) {
		await stop();
		throw failed.reason;
	}
	return {
		servers,
		database,
		sql: async <T>(text: string, values: unknown[] = []) =>
			(await pool.query(text, values)).rows as T[],
		logLines: (server, msg) =>
			server
				.output()
				.split('\n')
				.flatMap((line) => {
					try {
						const entry = JSON.parse(line) as Record<string, unknown>;
						return entry.msg === msg ? [entry] : [];
					} catch {
						return [];
					}
				}),
		stop
	};
}

/**
 * Ends the pool once its connections are closed. `pool.end()` resolves as soon as it has asked
 * each idle connection to end: the drop that follows (WITH (FORCE)) then terminated one still
 * closing, whose error reached the pool with no listener left, an uncaught error in the next file
 * of the worker (clean-clone CI).
 */
async function endPool(pool: pg.Pool): Promise<void> {
	const open = pool.totalCount;
	let removed = 0;
	const closed = new Promise<void>((resolve) => {
		if (open === 0) resolve();
		pool.on('remove', () => {
			if (++removed === open) resolve();
		});
	});
	await pool.end();
	await closed;
}

/**
 * For a test file that reads the database behind the app it drives: `count` instances on a new
 * PostgreSQL database, started before the file's first test and stopped after its last.
 */
export function useInstances(count: number, env: Record<string, string> = {}): () => Instances {
	let instances: Instances | undefined;
	beforeAll(async () => {
		instances = await startInstances(count, env);
	});
	afterAll(async () => {
		await instances?.stop();
	});
	return () => {
		if (!instances) throw new Error('The instances have not started yet (use them inside a test)');
		return instances;
	};
}
