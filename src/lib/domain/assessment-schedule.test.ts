import { describe, expect, it } from 'vitest';
import { scheduleStanding } from './assessment-schedule';

describe('an assessment against its due date', () => {
	it('is overdue the day after its due date, while not final', () => {
		expect(scheduleStanding('2026-12-01', 'draft', '2026-12-02')).toBe('overdue');
		expect(scheduleStanding('2026-12-01', 'in_review', '2026-12-02')).toBe('overdue');
	});
	it('owes nothing once final, or without a due date', () => {
		expect(scheduleStanding('2026-12-01', 'final', '2026-12-02')).toBeNull();
		expect(scheduleStanding(null, 'draft', '2026-12-02')).toBeNull();
	});
	it('is due soon from seven days before, across a month end', () => {
		expect(scheduleStanding('2026-12-02', 'draft', '2026-12-02')).toBe('due_soon');
		expect(scheduleStanding('2027-01-04', 'draft', '2026-12-28')).toBe('due_soon');
		expect(scheduleStanding('2027-01-05', 'draft', '2026-12-28')).toBe('on_time');
	});
});
