import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export interface RunningServer {
	baseUrl: string;
	process: ChildProcess;
	output: () => string;
	stop(signal?: NodeJS.Signals): Promise<void>;
}

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address
					? resolve(address.port)
					: reject(new Error('no port'))
			);
		});
	});
}

/** Starts the built app (`node build`) the way `npm start` does, and waits for /healthz. */
export async function startServer(env: Record<string, string | undefined>): Promise<RunningServer> {
	const entry = path.resolve('build/index.js');
	if (!fs.existsSync(entry))
		throw new Error('build/index.js is missing: run `npm run build` before the integration tests');
	const port = await freePort();
	const baseUrl = `http://127.0.0.1:${port}`;
	let output = '';
	// SERVER_NODE_ARGS: flags for the server's node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to
	// profile a benchmark (NODE_OPTIONS refuses --cpu-prof).
	const nodeArgs = (process.env.SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
	const child = spawn(process.execPath, [...nodeArgs, entry], {
		env: {
			...process.env,
			// A test server on loopback: the only place the cheap password-hash profile is allowed
			// (src/lib/server/auth/password.ts). Every sign-up would otherwise pay the full argon2 cost.
			NODE_ENV: 'test',
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: baseUrl,
			ADDRESS_HEADER: 'x-forwarded-for',
			XFF_DEPTH: '1',
			// As npm start sets it for the default 25 MB evidence limit (scripts/start.js).
			BODY_SIZE_LIMIT: '51M',
			SHUTDOWN_TIMEOUT: '2',
			DEMO: '0',
			LOG_LEVEL: 'warn',
			// Most servers a test starts live for a few requests: no throw-away report at start-up
			// (several CPU-seconds each). The projects' shared servers keep it (tests/setup/server.ts).
			REPORT_WARM_UP: '0',
			// The run's in-process SMTP server (tests/setup/server.ts), when there is one.
			SMTP_URL: process.env.TEST_SMTP_URL,
			// Scheduled work (the daily digest) only when a test runs it (admin run-jobs --now).
			JOBS_INTERVAL_SECONDS: '0',
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout?.on('data', (d) => (output += String(d)));
	child.stderr?.on('data', (d) => (output += String(d)));
	// Generous: on the shared two-core machine at load 30 a first start (bundle, PGlite, migrations)
	// took over a minute, and the clean-clone CI run of 2026-12-01 16:02 failed its global setup on
	// that alone. A server that is up answers at once; only a hung one waits this long.
	const deadline = Date.now() + 180_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null)
			throw new Error(`server exited with ${child.exitCode}:\n${output}`);
		try {
			const response = await fetch(`${baseUrl}/healthz`);
			if (response.ok) break;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	if (Date.now() >= deadline) {
		// Not left running behind the failed test (it would hold its port and a core).
		child.kill('SIGKILL');
		throw new Error(`server did not become healthy:\n${output}`);
	}
	return {
		baseUrl,
		process: child,
		output: () => output,
		stop: (signal = 'SIGTERM') =>
			new Promise((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill(signal);
			})
	};
}
