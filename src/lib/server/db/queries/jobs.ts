import { sql } from 'kysely';
import type { Database } from '../connection';

export interface ClaimedJob {
	id: string;
	kind: string;
	runAt: Date;
	payload: unknown;
	attempts: number;
}

/** Schedules a run of `kind` at `runAt`, once however many instances ask (unique kind + time). */
export async function scheduleJob(
	db: Database,
	job: { kind: string; runAt: Date; payload?: unknown }
): Promise<void> {
	await db
		.insertInto('jobs')
		.values({
			id: crypto.randomUUID(),
			kind: job.kind,
			run_at: job.runAt,
			payload: JSON.stringify(job.payload ?? {})
		})
		.onConflict((oc) => oc.columns(['kind', 'run_at']).doNothing())
		.execute();
}

/**
 * Claims up to `limit` due jobs in one statement: rows no other instance holds (`for update skip
 * locked`) are leased to `holder` until `now + leaseMs` and counted as an attempt. Two instances
 * claiming at once never get the same job; a job whose instance died is due again after its lease.
 */
export async function claimDueJobs(
	db: Database,
	options: { holder: string; now: Date; leaseMs: number; limit: number }
): Promise<ClaimedJob[]> {
	const until = new Date(options.now.getTime() + options.leaseMs);
	const result = await sql`
		update jobs set locked_by = ${options.holder}, locked_until = ${until}, attempts = attempts + 1
		where id in (
			select id from jobs
			where done_at is null and run_at <= ${options.now}
				and (locked_until is null or locked_until <= ${options.now})
			order by run_at
			limit ${options.limit}
			for update skip locked
		)
		returning id, kind, run_at, payload, attempts
	`.execute(db);
	const rows = result.rows as {
		id: string;
		kind: string;
		run_at: Date | string;
		payload: unknown;
		attempts: number;
	}[];
	return rows.map((r) => ({
		id: r.id,
		kind: r.kind,
		runAt: new Date(r.run_at),
		payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload,
		attempts: Number(r.attempts)
	}));
}

/** Done, if this holder still holds it (a lease taken over by another instance is theirs). */
export async function completeJob(
	db: Database,
	job: { id: string; holder: string; at: Date }
): Promise<boolean> {
	const result = await db
		.updateTable('jobs')
		.set({ done_at: job.at, locked_by: null, locked_until: null })
		.where('id', '=', job.id)
		.where('locked_by', '=', job.holder)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Failed this time: the error kept, the lease released so a later pass tries again. */
export async function failJob(
	db: Database,
	job: { id: string; holder: string; error: string; retryAt: Date }
): Promise<void> {
	await db
		.updateTable('jobs')
		.set({ last_error: job.error.slice(0, 2000), locked_until: job.retryAt })
		.where('id', '=', job.id)
		.where('locked_by', '=', job.holder)
		.execute();
}
