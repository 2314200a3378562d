/**
 * What the load and scale benchmarks share: a server on a scratch database (PostgreSQL unless
 * asked for embedded PGlite), and figures.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Mailbox } from '../tests/setup/mailbox';
import {
	createScratchDatabase,
	type ScratchDatabase,
	type TestDbKind
} from '../tests/setup/databases';
import { freePort, startServer, type RunningServer } from '../tests/setup/server-process';

export async function benchServer(
	label: string,
	options: { instances?: number; kind?: TestDbKind } = {}
): Promise<{
	database: ScratchDatabase;
	/** The one instance, or the round-robin proxy in front of several (its baseUrl). */
	server: Pick<RunningServer, 'baseUrl'>;
	instances: RunningServer[];
	close(): Promise<void>;
}> {
	const count = options.instances ?? 1;
	const database = await createScratchDatabase(options.kind ?? 'postgres', label);
	// Sign-up mails a verification code: a real SMTP server in this process receives it, and the
	// sign-up helper reads it from the folder (tests/helpers/mail.ts), as in the tests.
	const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), `sr-${label}-mail-`));
	const mailbox = await new Mailbox(mailDir).start();
	process.env.TEST_MAIL_DIR = mailDir;
	const dropAll = async () => {
		await mailbox.stop();
		fs.rmSync(mailDir, { recursive: true, force: true });
		await database.drop();
	};
	const started: RunningServer[] = [];
	try {
		// Several instances sit behind a round-robin proxy on this port: the public origin they
		// check form posts against.
		const proxyPort = count > 1 ? await freePort() : null;
		const origin = proxyPort ? { ORIGIN: `http://127.0.0.1:${proxyPort}` } : {};
		for (const _ of Array.from({ length: count }))
			started.push(
				await startServer({ ...database.env, LOG_LEVEL: 'error', SMTP_URL: mailbox.url, ...origin })
			);
		const proxy = proxyPort ? await roundRobin(proxyPort, started) : null;
		return {
			database,
			server: proxy ?? started[0]!,
			instances: started,
			close: async () => {
				await proxy?.close();
				await Promise.all(started.map((s) => s.stop()));
				await dropAll();
			}
		};
	} catch (error) {
		await Promise.all(started.map((s) => s.stop()));
		await dropAll();
		throw error;
	}
}

/**
 * The simplest load balancer: each request to the next instance in turn, headers and body passed
 * through (a real proxy would also set X-Forwarded-For; the bench's clients already send one).
 */
async function roundRobin(
	port: number,
	servers: RunningServer[]
): Promise<{ baseUrl: string; close(): Promise<void> }> {
	let next = 0;
	const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
	const proxy = http.createServer((request, response) => {
		const target = new URL(servers[next++ % servers.length]!.baseUrl);
		const upstream = http.request(
			{
				host: target.hostname,
				port: target.port,
				method: request.method,
				path: request.url,
				headers: request.headers,
				agent
			},
			(answer) => {
				response.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(response);
			}
		);
		upstream.on('error', () => {
			if (!response.headersSent) response.writeHead(502);
			response.end();
		});
		request.pipe(upstream);
	});
	await new Promise<void>((resolve) => proxy.listen(port, '127.0.0.1', resolve));
	return {
		baseUrl: `http://127.0.0.1:${port}`,
		close: () =>
			new Promise<void>((resolve) => {
				agent.destroy();
				proxy.closeAllConnections();
				proxy.close(() => resolve());
			})
	};
}

export function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export interface Figures {
	count: number;
	errors: number;
	rps: number;
	p50: number;
	p95: number;
	p99: number;
}

/** Latencies in ms over a window of seconds → count, rate and percentiles. */
export function figures(latencies: number[], errors: number, seconds: number): Figures {
	const sorted = [...latencies].sort((a, b) => a - b);
	return {
		count: sorted.length,
		errors,
		rps: sorted.length / seconds,
		p50: percentile(sorted, 50),
		p95: percentile(sorted, 95),
		p99: percentile(sorted, 99)
	};
}

/** The server's own time from its Server-Timing header (`app;dur=12.3`). */
export function serverTime(headers: Headers): number {
	const match = headers.get('server-timing')?.match(/app;dur=([\d.]+)/);
	return match ? Number(match[1]) : NaN;
}

export function machine(): string {
	const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
	const gib = (os.totalmem() / 2 ** 30).toFixed(1);
	return `${os.cpus().length} × ${cpu}, ${gib} GiB, Node ${process.version}, load average ${os
		.loadavg()
		.map((l) => l.toFixed(1))
		.join(' ')}`;
}

export const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : '—');

/** The server process's CPU time so far (user + system), in ms; NaN where /proc is not there. */
export function cpuMs(pid: number | undefined): number {
	try {
		const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
		// utime and stime are fields 14 and 15 of the line, in clock ticks (100 a second on Linux).
		return (Number(fields[11]) + Number(fields[12])) * 10;
	} catch {
		return NaN;
	}
}
