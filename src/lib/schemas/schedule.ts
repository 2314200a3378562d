import { m } from '$lib/paraglide/messages';
import { isCalendarDate } from '../domain/calendar-date';
import { z } from './zod';

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
