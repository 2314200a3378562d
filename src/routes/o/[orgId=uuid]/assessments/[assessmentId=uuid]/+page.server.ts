import { redirect } from '@sveltejs/kit';
import { requireAssessment } from '$lib/server/assessments/guards';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { assessment } = await requireAssessment(
		event,
		event.params.orgId,
		event.params.assessmentId,
		'view'
	);
	const base = `/o/${assessment.orgId}/assessments/${assessment.id}`;
	redirect(303, assessment.profileVersion > 0 ? `${base}/questionnaire` : `${base}/profile`);
};
