import { importCorpus } from '../corpus';
import { assertPdfmakeVersion } from '../documents/pdf/pdfmake-patches';
import { rendererVersion } from '../documents/pdf/renderer-version';
import { seedDemo } from '../demo';
import { logger } from '../logger';
import { startMailSender, smtpTransport } from '../mail/sender';
import { runDueJobs } from '../jobs/runner';
import { hostname } from 'node:os';
import { printMailsWhenWritten } from '../mail/outbox';
import { secretKey } from '../auth/secret-box';
import { onStartup } from './runtime';
import { deleteAbandonedUploads } from '../evidence/store';

// The report renderer patches pdfmake: refuse to start on a pdfmake other than the one the patches
// were written for. The renderer's version (the report cache key) is computed once, here.
onStartup(async () => {
	assertPdfmakeVersion();
	logger.info({ renderer: rendererVersion() }, 'report renderer');
});

// The key that seals two-factor keys: a malformed SECRET_KEY stops the start (not the first log-in
// with a code), the key file is made now, and a shared database without SECRET_KEY is warned of.
onStartup(async (_database, env) => {
	secretKey(env);
});

// Start-up work, in order, after migrations.
onStartup(async ({ db }, env) => {
	await importCorpus(db, { cacheDir: env.dataDir });
});

// A new, empty database gets the demo (on by default for the embedded database only).
onStartup(async ({ db }, env) => {
	if (!env.demo) return;
	const users = await db
		.selectFrom('users')
		.select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
		.executeTakeFirstOrThrow();
	if (users.n > 0) return;
	const banner = await seedDemo(db);
	logger.info('demo data created');
	addToBanner(banner);
});

// Mail: sent from the outbox when SMTP_URL is set; otherwise it waits there, each mail is printed in
// the server's log as it is written, and the banner says where to read them.
onStartup(async ({ db }, env) => {
	if (env.smtpUrl) {
		startMailSender(db, smtpTransport(env.smtpUrl), { from: env.mailFrom });
		return;
	}
	logger.warn('mail is not configured (SMTP_URL): mails wait in the outbox');
	printMailsWhenWritten((mail) =>
		logger.warn({ mail }, 'mail not sent (SMTP_URL is not set): its text, with any code or link')
	);
	addToBanner([
		'Mail is not configured (SMTP_URL is not set): each mail is printed below as it is written',
		"  and waits in the outbox (an organisation's outbox page, for owners; `npm run cli -- admin",
		'  outbox` when the server is stopped or on PostgreSQL).',
		'邮件未配置（未设置 SMTP_URL）：每封邮件写入时打印在下方日志中，并保留在发件箱中。'
	]);
});

// Scheduled work (the daily digest): each instance looks every JOBS_INTERVAL_SECONDS; the job
// table hands each run to one of them (jobs/runner.ts).
onStartup(async ({ db }, env) => {
	if (env.jobsIntervalSeconds === 0) return;
	const holder = `${hostname()}:${process.pid}`;
	const origin = env.publicOrigin ?? `http://localhost:${env.port}`;
	const pass = () =>
		runDueJobs(db, {
			holder,
			now: new Date(),
			digestHour: env.digestHour,
			origin,
			deletionGraceDays: env.deletionGraceDays
		}).catch((error: unknown) => logger.error({ err: error }, 'scheduled jobs'));
	setInterval(() => void pass(), env.jobsIntervalSeconds * 1000).unref();
	void pass();
});

function addToBanner(lines: string[]): void {
	const holder = globalThis as { __sandboxReadinessBanner?: string[] };
	holder.__sandboxReadinessBanner = [...(holder.__sandboxReadinessBanner ?? []), ...lines];
}

// Evidence uploads an instance was streaming when it stopped (a day old or more) are deleted.
onStartup(async ({ db }) => {
	const removed = await deleteAbandonedUploads(db);
	if (removed > 0) logger.info({ removed }, 'abandoned evidence uploads deleted');
});
