import { error } from '@sveltejs/kit';
import { requireAssessment } from '$lib/server/assessments/guards';
import { loadComparison } from '$lib/server/assessments/comparison';
import { runtime } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { assessment } = await requireAssessment(
		event,
		event.params.orgId,
		event.params.assessmentId,
		'view',
		{ wholeAssessment: true }
	);
	// The other assessment must be within the viewer's reach too.
	await requireAssessment(event, event.params.orgId, event.params.otherId, 'view', {
		wholeAssessment: true
	});
	const comparison = await loadComparison(runtime().db, {
		orgId: assessment.orgId,
		id: assessment.id,
		otherId: event.params.otherId
	});
	if (!comparison) error(404, 'Not found');
	return {
		comparison,
		csvHref: `/o/${assessment.orgId}/assessments/${assessment.id}/compare/${event.params.otherId}/compare.csv`
	};
};
