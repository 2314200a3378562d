import { describe, expect, it } from 'vitest';
import { scheduleSchema } from './schedule';

describe('the schedule form', () => {
	it('takes a day that exists, or nothing', () => {
		expect(scheduleSchema.safeParse({ dueDate: '2027-02-28' }).success).toBe(true);
		expect(scheduleSchema.safeParse({ dueDate: '' }).success).toBe(true);
	});
	it('refuses a day that does not exist without throwing', () => {
		for (const dueDate of ['2026-13-45', '2027-02-30', 'tomorrow', '2027-2-1'])
			expect(scheduleSchema.safeParse({ dueDate }).error?.issues[0]?.path).toEqual(['dueDate']);
	});
});
