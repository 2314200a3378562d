/** Asia/Shanghai is UTC+8 all year (no daylight saving). */
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** The Shanghai calendar date (YYYY-MM-DD) of an instant. */
export function shanghaiDay(at: Date): string {
	return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The daily digest's runs around `now`: today's (Shanghai) at `hour`:00, and tomorrow's. Both are
 * scheduled on every pass; the unique (kind, run_at) makes that once, and today's runs at once if
 * its hour has passed (an instance started late catches up instead of skipping a day).
 */
export function digestRuns(now: Date, hour: number): Date[] {
	const day = shanghaiDay(now);
	const today = new Date(Date.parse(`${day}T00:00:00Z`) - SHANGHAI_OFFSET_MS + hour * 3600_000);
	return [today, new Date(today.getTime() + 24 * 3600_000)];
}
