import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from '../../src/lib/server/db/data-dir-lock';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'lock-'));

describe('the embedded database folder', () => {
	it('is refused to a second holder while the first runs, and free again after release', () => {
		const dir = tempDir();
		const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
		fs.writeFileSync(path.join(dir, 'sandbox-readiness.lock'), String(child.pid));
		try {
			expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
			expect(() => lockDataDir(dir)).toThrow(/in use by another process \(pid \d+\)/);
		} finally {
			child.kill('SIGKILL');
		}
	});

	it('is taken over when the process that held it is gone', () => {
		const dir = tempDir();
		const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
			encoding: 'utf8'
		});
		fs.writeFileSync(path.join(dir, 'sandbox-readiness.lock'), gone.stdout);
		const release = lockDataDir(dir);
		expect(fs.readFileSync(path.join(dir, 'sandbox-readiness.lock'), 'utf8')).toBe(
			String(process.pid)
		);
		release();
		expect(fs.existsSync(path.join(dir, 'sandbox-readiness.lock'))).toBe(false);
	});

	it('makes the CLI refuse, with a message, a folder the server holds', { timeout: 30_000 }, () => {
		const dir = tempDir();
		const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
		fs.writeFileSync(path.join(dir, 'sandbox-readiness.lock'), String(child.pid));
		try {
			// tsx straight from node_modules, as `npm run cli` runs it, without npm's own start-up.
			const tsx = path.resolve('node_modules/tsx/dist/cli.mjs');
			const r = spawnSync(process.execPath, [tsx, 'src/cli/main.ts', 'db:migrate'], {
				encoding: 'utf8',
				env: { ...process.env, DATA_DIR: dir }
			});
			expect(r.status).toBe(2);
			expect(r.stderr).toContain('is in use by another process');
		} finally {
			child.kill('SIGKILL');
		}
	});
});
