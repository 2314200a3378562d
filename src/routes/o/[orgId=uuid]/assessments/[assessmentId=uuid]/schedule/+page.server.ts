import { error, type RequestEvent } from '@sveltejs/kit';
import { fail, message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import type { FormNotice } from '$lib/forms';
import { scheduleSchema, type ScheduleForm } from '$lib/schemas/schedule';
import { requireAssessment } from '$lib/server/web/guards/assessment';
import {
	listResponsibleCandidates,
	SCHEDULE_ROLES,
	setAssessmentSchedule
} from '$lib/server/assessments/schedule';
import { runtime } from '$lib/server/web/runtime';
import type { Actions, PageServerLoad } from './$types';

/** The assessment with its due date and responsible person: owners and consultants set them. */
async function requireScheduler(event: RequestEvent<{ orgId: string; assessmentId: string }>) {
	const found = await requireAssessment(
		event,
		event.params.orgId,
		event.params.assessmentId,
		'view'
	);
	if (!SCHEDULE_ROLES.includes(found.membership.role)) error(404, 'Not found');
	return found;
}

export const load: PageServerLoad = async (event) => {
	const { assessment } = await requireScheduler(event);
	const form = await superValidate<ScheduleForm, FormNotice>(
		{
			dueDate: assessment.dueDate ?? '',
			responsibleUserId: assessment.responsibleUserId ?? ''
		},
		zod4(scheduleSchema),
		{ errors: false }
	);
	return {
		form,
		candidates: await listResponsibleCandidates(runtime().db, assessment.orgId)
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { assessment, actor } = await requireScheduler(event);
		const form = await superValidate<ScheduleForm, FormNotice>(event.request, zod4(scheduleSchema));
		if (!form.valid) return fail(400, { form });
		const result = await setAssessmentSchedule(runtime().db, actor, {
			assessment,
			dueDate: form.data.dueDate || null,
			responsibleUserId: form.data.responsibleUserId || null,
			notify: { origin: event.url.origin }
		});
		if (!result.ok)
			return setError(form, 'responsibleUserId', m.engagement_err_not_responsible(), {
				status: 400
			});
		return message(form, { type: 'success', text: m.engagement_schedule_saved() });
	}
};
