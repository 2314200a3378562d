import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../setup/server-process';

/**
 * A PostgreSQL cluster of the test's own, in a temp folder on a free port, so that stopping it
 * disturbs nobody else's tests. Run as the postgres user (initdb refuses root).
 */
export interface PostgresCluster {
	url: string;
	start(): void;
	stop(): void;
	destroy(): void;
}

function binaries(): string {
	const root = '/usr/lib/postgresql';
	const version = fs
		.readdirSync(root)
		.filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a))[0];
	if (!version) throw new Error(`no PostgreSQL binaries under ${root}`);
	return path.join(root, version, 'bin');
}

function asPostgres(command: string, args: string[]): string {
	const run = process.getuid?.() === 0 ? 'runuser' : null;
	return run
		? execFileSync(run, ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8' })
		: execFileSync(command, args, { encoding: 'utf8' });
}

export async function createPostgresCluster(): Promise<PostgresCluster> {
	const bin = binaries();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sr-pgcluster-'));
	const data = path.join(dir, 'data');
	fs.mkdirSync(data);
	if (process.getuid?.() === 0) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
	asPostgres(path.join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8']);
	const port = await freePort();
	const pgCtl = (...args: string[]) => asPostgres(path.join(bin, 'pg_ctl'), ['-D', data, ...args]);
	const cluster: PostgresCluster = {
		url: `postgres://postgres@127.0.0.1:${port}/postgres`,
		start: () =>
			void pgCtl(
				'-w',
				'-l',
				path.join(dir, 'log'),
				'-o',
				`-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on`,
				'start'
			),
		stop: () => void pgCtl('-w', '-m', 'fast', 'stop'),
		destroy: () => {
			try {
				cluster.stop();
			} catch {
				// already stopped
			}
			fs.rmSync(dir, { recursive: true, force: true });
		}
	};
	cluster.start();
	return cluster;
}
