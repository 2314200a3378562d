import { requireAssessment } from '$lib/server/web/guards/assessment';
import { assessmentActivity, ACTIVITY_SHOWN } from '$lib/server/notifications/service';
import { runtime } from '$lib/server/web/runtime';
import type { PageServerLoad } from './$types';

/** Who did what to the assessment, and when: everyone who reaches it (a respondent: their items). */
export const load: PageServerLoad = async (event) => {
	const { assessment, membership } = await requireAssessment(
		event,
		event.params.orgId,
		event.params.assessmentId,
		'view'
	);
	const activity = await assessmentActivity(runtime().db, membership, assessment);
	return { activity, limit: ACTIVITY_SHOWN };
};
