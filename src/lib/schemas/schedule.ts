import { m } from '$lib/paraglide/messages';
import { z } from './zod';

/** YYYY-MM-DD naming a day that exists (not 2026-02-30). */
function isCalendarDate(v: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
	const day = new Date(`${v}T00:00:00Z`);
	return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(v);
}

/**
 * An assessment's due date and responsible person, as the schedule form sends them: an empty
 * field clears the value. The person is checked against the organisation's owners and consultants
 * by the service (the schema does not know them). Refinements rather than unions, so a bad value
 * gets the reader's-language message of its field.
 */
export const scheduleSchema = z.object({
	dueDate: z
		.string()
		.trim()
		.refine((v) => v === '' || isCalendarDate(v), { error: () => m.err_invalid() })
		.default(''),
	responsibleUserId: z
		.string()
		.trim()
		.refine((v) => v === '' || z.uuid().safeParse(v).success, { error: () => m.err_invalid() })
		.default('')
});
export type ScheduleForm = typeof scheduleSchema._zod.output;
