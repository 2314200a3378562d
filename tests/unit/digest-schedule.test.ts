import { describe, expect, it } from 'vitest';
import { digestRuns, shanghaiDay } from '../../src/lib/server/jobs/schedule';

describe('the daily digest’s runs', () => {
	it('falls at the hour in Shanghai (UTC+8), today and tomorrow', () => {
		// 23:30 UTC on 9 April is 07:30 on 10 April in Shanghai.
		const now = new Date('2026-04-09T23:30:00Z');
		expect(shanghaiDay(now)).toBe('2026-04-10');
		expect(digestRuns(now, 8).map((d) => d.toISOString())).toEqual([
			'2026-04-10T00:00:00.000Z',
			'2026-04-11T00:00:00.000Z'
		]);
		// 16:30 UTC is 00:30 the next day in Shanghai.
		expect(digestRuns(new Date('2026-04-10T16:30:00Z'), 0)[0]!.toISOString()).toBe(
			'2026-04-10T16:00:00.000Z'
		);
	});
});
