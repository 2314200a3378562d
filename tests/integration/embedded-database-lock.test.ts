import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/lib/server/db/connection';
import { startServer } from '../setup/server-process';

// Embedded PGlite only (DATABASE_URL is empty), so the pglite project runs it; a PostgreSQL server
// has no folder to lock. It was in api-admin.test.ts, which runs on both databases.

function cli(args: string[], env: Record<string, string>) {
	return spawnSync('npm', ['run', '--silent', 'cli', '--', ...args], {
		encoding: 'utf8',
		env: { ...process.env, ...env }
	});
}

describe('the embedded database folder', () => {
	it(
		'never opens one embedded database from two processes: the CLI refuses the server’s, the server the CLI’s',
		{ timeout: 180_000 },
		async () => {
			const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sr-lock-'));
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
				fs.rmSync(dataDir, { recursive: true, force: true });
			}
		}
	);
});
