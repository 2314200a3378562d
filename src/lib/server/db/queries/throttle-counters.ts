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

/** A rate: `burst` requests at once, then one every `intervalSeconds`. */
export interface RateKey {
	key: string;
	burst: number;
	intervalSeconds: number;
}

/**
 * Bookkeeping (not audited): a request rate (GCRA, the leaky bucket as a single timestamp) on the
 * same table and with the same one-statement check-and-record as `checkAndRecordAttempt`, for
 * reads that cost the server: `next_allowed_at` keeps its meaning (no request is served before
 * it) and moves on by one interval per request served, never earlier than `burst` intervals
 * before now; `failures` counts the requests since the bucket was last empty. Answers true when
 * every key allowed the request; a refused request counts against none (the `blocked` pre-check,
 * and the row lock under a race), so a loop that keeps asking waits no longer than one that stops.
 * Keys must not be shared with `checkAndRecordAttempt` (name them `rate:…`).
 */
export async function checkAndRecordRequest(db: Database, keys: RateKey[]): Promise<boolean> {
	if (keys.length === 0) return true;
	const values = sql.join(
		keys.map((k) => sql`(${k.key}::text, ${k.burst}::int, ${k.intervalSeconds}::float8)`)
	);
	const second = sql`interval '1 second'`;
	// The earliest the bucket may be pushed back to: `burst` requests may be served from now on.
	const floor = (burst: RawBuilder<unknown>, step: RawBuilder<unknown>) =>
		sql`now() - (${burst} - 1) * ${step} * ${second}`;
	const step = sql`(select k.step from k where k.key = t.key)`;
	const result = await sql`
		with k (key, burst, step) as (values ${values}),
		blocked as (
			select 1 from throttle_counters t join k using (key) where t.next_allowed_at > now()
		)
		insert into throttle_counters as t (key, failures, allowance, last_at, next_allowed_at)
		select k.key, 1, k.burst, now(), ${floor(sql`k.burst`, sql`k.step`)} + k.step * ${second}
		from k where not exists (select 1 from blocked)
		on conflict (key) do update set
			failures = case when t.next_allowed_at < ${floor(sql`excluded.allowance`, step)}
				then 1 else t.failures + 1 end,
			allowance = excluded.allowance,
			last_at = now(),
			next_allowed_at = greatest(t.next_allowed_at, ${floor(sql`excluded.allowance`, step)})
				+ ${step} * ${second}
		where t.next_allowed_at <= now()
		returning t.key
	`.execute(db);
	return result.rows.length === keys.length;
}
