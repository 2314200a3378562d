import { z } from 'zod';

/** PUT /assessments/{id}/schedule: both fields, null clearing one. */
export const putScheduleSchema = z
	.object({
		due_date: z.iso
			.date()
			.nullable()
			.meta({ description: 'When the assessment should be done (YYYY-MM-DD); null clears it' }),
		responsible_user_id: z.uuid().nullable().meta({
			description:
				'An owner or consultant of the organisation who answers for the assessment; null clears it'
		})
	})
	.meta({ id: 'AssessmentSchedule' });
