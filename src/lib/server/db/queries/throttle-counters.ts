import { sql, type RawBuilder } from 'kysely';
import type { Database } from '../connection';

export interface ThrottleKey {
	key: string;
	/** Attempts evaluated at once; each attempt beyond waits twice as long as the one before. */
	allowance: number;
}

/** Counters restart after this long without an attempt. */
export const THROTTLE_QUIET_SECONDS = 15 * 60;
/** The wait after the allowance is spent; it doubles with each further attempt. */
export const THROTTLE_FIRST_DELAY_SECONDS = 15;
/** The longest wait between two attempts of one key. */
export const THROTTLE_MAX_DELAY_SECONDS = 10 * 60;

/**
 * Bookkeeping (not audited): checks every key and records one attempt against each, in ONE
 * statement, so parallel requests cannot all pass a check before any of them is recorded. A key's
 * row is locked by `on conflict do update`, whose `where` is evaluated on the newest committed row
 * (not the statement's snapshot): of 25 parallel attempts, only the allowance is evaluated.
 * Answers true when every key allowed the attempt. The `blocked` pre-check keeps a key that is
 * waiting from counting attempts against the others; under a race, the row lock still decides.
 *
 * A key that is not waiting has `next_allowed_at` in the past ('epoch'), never `now()`: now() is
 * when each transaction began, so a request that began a moment before another one's commit would
 * read that now() as the future and be refused (429) within the allowance.
 */
export async function checkAndRecordAttempt(db: Database, keys: ThrottleKey[]): Promise<boolean> {
	if (keys.length === 0) return true;
	const values = sql.join(keys.map((k) => sql`(${k.key}::text, ${k.allowance}::int)`));
	const delay = (failures: RawBuilder<unknown>, allowance: RawBuilder<unknown>) =>
		sql`case when ${failures} >= ${allowance}
			then now() + least(
				${THROTTLE_FIRST_DELAY_SECONDS}::int * power(2, ${failures} - ${allowance}),
				${THROTTLE_MAX_DELAY_SECONDS}::int
			) * interval '1 second'
			else 'epoch'::timestamptz end`;
	const quiet = sql`t.last_at < now() - ${THROTTLE_QUIET_SECONDS}::int * interval '1 second'`;
	const counted = sql`(case when ${quiet} then 1 else t.failures + 1 end)`;
	const firstWait = delay(sql`1`, sql`k.allowance`);
	const nextWait = delay(counted, sql`excluded.allowance`);
	const result = await sql`
		with k (key, allowance) as (values ${values}),
		blocked as (
			select 1 from throttle_counters t join k using (key) where t.next_allowed_at > now()
		)
		insert into throttle_counters as t (key, failures, allowance, last_at, next_allowed_at)
		select k.key, 1, k.allowance, now(), ${firstWait}
		from k where not exists (select 1 from blocked)
		on conflict (key) do update set
			failures = ${counted},
			allowance = excluded.allowance,
			last_at = now(),
			next_allowed_at = ${nextWait}
		where t.next_allowed_at <= now()
		returning t.key
	`.execute(db);
	return result.rows.length === keys.length;
}

/** Seconds until every key allows an attempt again (0 when they all do). */
export async function secondsUntilAllowed(db: Database, keys: string[]): Promise<number> {
	if (keys.length === 0) return 0;
	const row = await db
		.selectFrom('throttle_counters')
		.select(
			sql<number>`cast(ceil(greatest(0, extract(epoch from max(next_allowed_at) - now()))) as integer)`.as(
				'seconds'
			)
		)
		.where('key', 'in', keys)
		.executeTakeFirst();
	return Number(row?.seconds ?? 0);
}

/** Bookkeeping (not audited): a success clears the key's counter. */
export async function clearThrottleCounter(db: Database, key: string): Promise<void> {
	await db.deleteFrom('throttle_counters').where('key', '=', key).execute();
}
