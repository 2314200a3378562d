import path from 'node:path';

/** Every setting the server reads from the environment, in one place. */
export interface ServerEnv {
	databaseUrl: string | null;
	dataDir: string;
	port: number;
	/** The address the server listens on: this machine only unless HOST says otherwise. */
	host: string;
	demo: boolean;
	logLevel: string;
	smtpUrl: string | null;
	/** The sender of the app's mails (MAIL_FROM). */
	mailFrom: string;
	/** A session ends after this long unused (SESSION_IDLE_HOURS, default 12). */
	sessionIdleMs: number;
	/** … and this long after login whatever happens (SESSION_MAX_DAYS, default 30). */
	sessionMaxMs: number;
	publicOrigin: string | null;
	/** The largest request body a page or form may send. */
	bodySizeLimit: number;
	/** The largest file upload (a multipart POST to an import action): a 5 MB file and its form. */
	uploadSizeLimit: number;
	/**
	 * Warm up at start-up: render a throw-away report so the first real one is fast, and load every
	 * route's modules so no first request waits for them (REPORT_WARM_UP=0: neither).
	 */
	reportWarmUp: boolean;
	/**
	 * The key that encrypts secrets at rest (two-factor keys): SECRET_KEY, 32 bytes as 64 hex digits
	 * or base64. Unset: a key file made once in DATA_DIR (auth/secret-box.ts).
	 */
	secretKey: string | null;
	/** Reports one organisation may have rendering at once, across instances (REPORT_RENDERS_PER_ORG, default 2). */
	reportRendersPerOrg: number;
	/** How long a request waits for a report another instance is rendering (REPORT_WAIT_SECONDS, default 30). */
	reportWaitSeconds: number;
	/** The largest evidence file (EVIDENCE_SIZE_LIMIT, default 25M; streamed, never held in memory). */
	evidenceSizeLimit: number;
	/** The hour (0–23, Asia/Shanghai) the daily digest of due dates is mailed (DIGEST_HOUR, default 8). */
	digestHour: number;
	/** How often each instance looks for due scheduled work (JOBS_INTERVAL_SECONDS, default 60; 0: never, the CLI runs it). */
	jobsIntervalSeconds: number;
	/** Days a deleted assessment waits before the retention job purges it (DELETION_GRACE_DAYS, default 30). */
	deletionGraceDays: number;
}

export function readServerEnv(env: NodeJS.ProcessEnv = process.env): ServerEnv {
	const databaseUrl = env.DATABASE_URL?.trim() || null;
	const host = env.HOST?.trim() || '127.0.0.1';
	return {
		databaseUrl,
		dataDir: path.resolve(env.DATA_DIR?.trim() || 'data'),
		port: Number(env.PORT ?? 3000) || 3000,
		host,
		// The demo (accounts with a published password) is for a new embedded database served to
		// this machine only; anywhere else only when asked with DEMO=1.
		demo: env.DEMO === undefined ? databaseUrl === null && isLoopback(host) : env.DEMO === '1',
		logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'warn' : 'info'),
		smtpUrl: env.SMTP_URL?.trim() || null,
		mailFrom: env.MAIL_FROM?.trim() || 'Sandbox Readiness 合规预检 <no-reply@localhost>',
		sessionIdleMs: positive(env.SESSION_IDLE_HOURS, 12) * 3600_000,
		sessionMaxMs: positive(env.SESSION_MAX_DAYS, 30) * 86400_000,
		publicOrigin: env.ORIGIN?.trim() || null,
		// BODY_SIZE_LIMIT is adapter-node's outer cap on every body; it must allow the upload limit.
		bodySizeLimit: parseSize(env.FORM_SIZE_LIMIT ?? '1M'),
		uploadSizeLimit: parseSize(env.UPLOAD_SIZE_LIMIT ?? '6M'),
		reportWarmUp: env.REPORT_WARM_UP !== '0',
		secretKey: env.SECRET_KEY?.trim() || null,
		reportRendersPerOrg: Math.floor(positive(env.REPORT_RENDERS_PER_ORG, 2)),
		reportWaitSeconds: positive(env.REPORT_WAIT_SECONDS, 30),
		evidenceSizeLimit: parseSize(env.EVIDENCE_SIZE_LIMIT ?? '25M'),
		digestHour: hourOf(env.DIGEST_HOUR, 8),
		jobsIntervalSeconds:
			env.JOBS_INTERVAL_SECONDS?.trim() === '0' ? 0 : positive(env.JOBS_INTERVAL_SECONDS, 60),
		deletionGraceDays: positive(env.DELETION_GRACE_DAYS, 30)
	};
}

/** Whether an address is this machine's own: nobody else can reach a server listening there. */
export function isLoopback(host: string): boolean {
	return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** adapter-node's BODY_SIZE_LIMIT syntax: bytes, or a number with K, M or G. */
export function parseSize(value: string): number {
	const match = /^(\d+)([KMG]?)$/i.exec(value.trim());
	if (!match) return 1024 * 1024;
	const unit = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[
		match[2]!.toUpperCase() as '' | 'K' | 'M' | 'G'
	];
	return Number(match[1]) * unit;
}

function positive(value: string | undefined, fallback: number): number {
	const n = Number(value);
	return value !== undefined && value.trim() !== '' && Number.isFinite(n) && n > 0 ? n : fallback;
}

function hourOf(value: string | undefined, fallback: number): number {
	const n = Number(value);
	return value !== undefined && /^\d{1,2}$/.test(value.trim()) && n <= 23 ? n : fallback;
}
