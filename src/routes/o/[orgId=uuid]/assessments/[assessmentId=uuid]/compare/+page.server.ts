import { requireAssessment } from '$lib/server/web/guards/assessment';
import { reachesAssessment } from '$lib/server/auth/scope';
import { comparable } from '$lib/server/assessments/comparison';
import { assessmentsOf } from '$lib/server/assessments/list';
import { runtime } from '$lib/server/web/runtime';
import type { PageServerLoad } from './$types';

/** The assessments this one may be compared with, its predecessor first. */
export const load: PageServerLoad = async (event) => {
	const { assessment, membership } = await requireAssessment(
		event,
		event.params.orgId,
		event.params.assessmentId,
		'view',
		{ wholeAssessment: true }
	);
	const others = (await assessmentsOf(runtime().db, assessment.orgId))
		.filter((a) => comparable(assessment, a) && reachesAssessment(membership, a))
		.sort(
			(a, b) =>
				Number(b.id === assessment.previousAssessmentId) -
				Number(a.id === assessment.previousAssessmentId)
		)
		.map((a) => ({
			id: a.id,
			title: a.title,
			createdAt: a.createdAt,
			previous: a.id === assessment.previousAssessmentId
		}));
	return { others };
};
