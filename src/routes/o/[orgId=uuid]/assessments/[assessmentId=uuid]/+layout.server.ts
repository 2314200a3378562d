import { requireAssessment, canEdit } from '$lib/server/assessments/guards';
import { currentQuestionnaire } from '$lib/server/corpus';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
	const { assessment, membership } = await requireAssessment(
		event,
		event.params.orgId,
		event.params.assessmentId,
		'view'
	);
	return {
		assessment: {
			id: assessment.id,
			title: assessment.title,
			state: assessment.state,
			versionHash: assessment.versionHash,
			hasProfile: assessment.profileVersion > 0,
			/** A newer questionnaire than this assessment's is current. */
			outdated: assessment.versionHash !== currentQuestionnaire().hash
		},
		canEdit: canEdit(membership, assessment)
	};
};
