/** What the load and scale benchmarks share: a server on a scratch PostgreSQL database, and figures. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Mailbox } from '../tests/setup/mailbox';
import { createScratchDatabase, type ScratchDatabase } from '../tests/setup/databases';
import { startServer, type RunningServer } from '../tests/setup/server-process';

export async function benchServer(label: string): Promise<{
	database: ScratchDatabase;
	server: RunningServer;
	close(): Promise<void>;
}> {
	const database = await createScratchDatabase('postgres', label);
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
	try {
		const server = await startServer({
			...database.env,
			LOG_LEVEL: 'error',
			SMTP_URL: mailbox.url
		});
		return {
			database,
			server,
			close: async () => {
				await server.stop();
				await dropAll();
			}
		};
	} catch (error) {
		await dropAll();
		throw error;
	}
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
