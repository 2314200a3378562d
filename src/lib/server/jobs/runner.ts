import type { Database } from '../db/connection';
import { claimDueJobs, completeJob, failJob, scheduleJob } from '../db/queries/jobs';
import { logger } from '../logger';
import { runDailyDigest } from './daily-digest';
import { digestRuns } from './schedule';
import { DELETION_GRACE_DAYS } from '../assessments/lifecycle';
import { purgeExpired } from '../clients/lifecycle';

export const DAILY_DIGEST = 'daily_digest';
const LEASE_MS = 10 * 60_000;
const RETRY_MS = 5 * 60_000;

export interface JobOptions {
	/** Who claims: an instance's id (host and pid), so a lease says whose it is. */
	holder: string;
	/** Now, from the caller: a test or the CLI sets the clock; the loop passes the real time. */
	now: Date;
	/** The digest's hour in Asia/Shanghai (DIGEST_HOUR, default 8). */
	digestHour: number;
	/** The app's public address, for links in mails. */
	origin: string;
	/** Days a deleted assessment or client waits for its purge (DELETION_GRACE_DAYS, default 30). */
	deletionGraceDays?: number;
}

/**
 * One pass of scheduled work: makes sure the digest runs exist, then claims what is due (several
 * instances at once each get different jobs: for update skip locked) and runs it. A job that fails
 * is tried again after RETRY_MS. Answers the ids of the jobs this pass ran.
 */
export async function runDueJobs(db: Database, options: JobOptions): Promise<string[]> {
	for (const runAt of digestRuns(options.now, options.digestHour))
		await scheduleJob(db, { kind: DAILY_DIGEST, runAt });
	const ran: string[] = [];
	for (;;) {
		const [job] = await claimDueJobs(db, {
			holder: options.holder,
			now: options.now,
			leaseMs: LEASE_MS,
			limit: 1
		});
		if (!job) return ran;
		try {
			if (job.kind === DAILY_DIGEST) {
				await runDailyDigest(db, { now: options.now, origin: options.origin, jobId: job.id });
				// The day's retention work rides on the digest's run: deleted clients (each with its
				// assessments), then deleted assessments, past their grace period are purged (each in its
				// own audited transaction). A failure is logged and left to the next day's run, so the
				// digest is never mailed twice for it.
				await purgeExpired(db, {
					now: options.now,
					graceDays: options.deletionGraceDays ?? DELETION_GRACE_DAYS
				}).catch((error: unknown) => logger.error({ err: error }, 'retention purge failed'));
			} else throw new Error(`no handler for job kind ${job.kind}`);
			await completeJob(db, { id: job.id, holder: options.holder, at: options.now });
			ran.push(job.id);
		} catch (error) {
			logger.error({ err: error, job: job.id, kind: job.kind }, 'scheduled job failed');
			await failJob(db, {
				id: job.id,
				holder: options.holder,
				error: error instanceof Error ? error.message : String(error),
				retryAt: new Date(options.now.getTime() + RETRY_MS)
			});
		}
	}
}
