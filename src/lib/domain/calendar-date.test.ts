import { describe, expect, it } from 'vitest';
import { isCalendarDate } from './calendar-date';

describe('calendar dates', () => {
	it('takes a day that exists in a plausible year', () => {
		for (const d of ['2026-12-02', '2028-02-29', '1900-01-01', '2199-12-31'])
			expect(isCalendarDate(d), d).toBe(true);
	});
	it('refuses days that do not exist, other shapes, and years no deadline falls in', () => {
		for (const d of [
			'2027-02-29',
			'2026-13-01',
			'2026-1-1',
			'0000-01-01',
			'0001-01-01',
			'1899-12-31',
			'2200-01-01',
			'+275690-09-01',
			''
		])
			expect(isCalendarDate(d), d).toBe(false);
	});
});
