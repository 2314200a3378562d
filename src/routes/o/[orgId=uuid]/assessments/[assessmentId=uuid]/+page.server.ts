import { redirect } from '@sveltejs/kit';
import { requireAssessment } from '$lib/server/web/guards/assessment';
import { reachesWholeAssessments } from '$lib/server/auth/scope';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { assessment, membership } = await requireAssessment(
		event,
		event.params.orgId,
		event.params.assessmentId,
		'view'
	);
	const base = `/o/${assessment.orgId}/assessments/${assessment.id}`;
	const profileFirst = assessment.profileVersion === 0 && reachesWholeAssessments(membership);
	redirect(303, profileFirst ? `${base}/profile` : `${base}/questionnaire`);
};
