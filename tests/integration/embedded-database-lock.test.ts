import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/connection';
import { createScratchDatabase } from '../setup/databases';
import { startServer } from '../setup/server-process';

// Embedded PGlite only (DATABASE_URL is empty), so the pglite project runs it; a PostgreSQL server
// has no folder to lock. It was in api-admin.test.ts, which runs on both databases.

// tsx straight from node_modules, as `npm run cli` runs it, without npm's own start-up.
function cli(args: string[], env: Record<string, string>) {
	return spawnSync(
		process.execPath,
		[path.resolve('node_modules/tsx/dist/cli.mjs'), 'src/cli/main.ts', ...args],
		{
			encoding: 'utf8',
			env: { ...process.env, ...env }
		}
	);
}

describe('the embedded database folder', () => {
	it(
		'never opens one embedded database from two processes: the CLI refuses the server’s, the server the CLI’s',
		{ timeout: 180_000 },
		async () => {
			// A copy of an empty cluster (what a lock is about does not need initdb's CPU-seconds).
			const scratch = await createScratchDatabase('pglite', 'lock');
			const dataDir = scratch.env.DATA_DIR;
			const env = { DATABASE_URL: '', DATA_DIR: dataDir };
			try {
				const server = await startServer(env);
				try {
					const refused = cli(
						[
							'admin',
							'create-org',
							'--name',
							'运维创建的机构',
							'--kind',
							'consultancy',
							'--owner-email',
							'lock@example.com',
							'--owner-password',
							'admin-password-2026'
						],
						env
					);
					expect(refused.status).toBe(2);
					expect(refused.stderr).toContain('is in use by another process');
				} finally {
					await server.stop();
				}
				// The CLI's own way in: the same openDatabase, which takes the folder's lock.
				const held = await openDatabase({ databaseUrl: null, dataDir });
				try {
					await expect(startServer(env)).rejects.toThrow(/is in use by another process/);
				} finally {
					await held.close();
				}
			} finally {
				await scratch.drop();
			}
		}
	);
});
