import type { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import type { putScheduleSchema } from '$lib/schemas/api-schedule';
import { SCHEDULE_ROLES, setAssessmentSchedule } from '../../assessments/schedule';
import { assessmentSummaryJson, requireApiAssessment } from './assessments';
import type { ApiContext } from './endpoint';
import { forbidden, invalidFields } from './http';

/** Sets an assessment's due date and responsible person; answers the assessment as it now is. */
export async function putApiSchedule(
	api: ApiContext,
	id: string,
	body: z.output<typeof putScheduleSchema>,
	notify?: { origin: string }
) {
	if (!SCHEDULE_ROLES.includes(api.membership.role))
		throw forbidden(m.engagement_api_err_schedule_role());
	const assessment = await requireApiAssessment(api, id);
	const result = await setAssessmentSchedule(api.db, api.actor, {
		assessment,
		dueDate: body.due_date,
		responsibleUserId: body.responsible_user_id,
		notify
	});
	if (!result.ok)
		throw invalidFields('invalid_body', {
			responsible_user_id: m.engagement_api_field_not_responsible()
		});
	return assessmentSummaryJson(await requireApiAssessment(api, id));
}
