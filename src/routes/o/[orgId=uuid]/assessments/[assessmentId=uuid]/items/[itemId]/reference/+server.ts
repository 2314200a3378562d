import { error, json } from '@sveltejs/kit';
import { requireAssessment, requireItemInReach } from '$lib/server/web/guards/assessment';
import { applicableItem, assessmentCorpus } from '$lib/server/assessments/service';
import { itemReference } from '$lib/domain/item-view';
import { runtime } from '$lib/server/web/runtime';
import type { RequestHandler } from './$types';

/**
 * The reading behind one question (guidance, evidence examples, provisions quoted), which the
 * questionnaire fetches when the person opens it instead of sending it for every item up front.
 * It belongs to the assessment's questionnaire version, so it never changes: the browser may keep it.
 */
export const GET: RequestHandler = async (event) => {
	const { assessment, membership } = await requireAssessment(
		event,
		event.params.orgId,
		event.params.assessmentId,
		'view'
	);
	const corpus = await assessmentCorpus(runtime().db, assessment);
	const item = applicableItem(corpus, assessment.profile, event.params.itemId);
	if (!item) error(404, 'Not found');
	requireItemInReach(membership, item);
	return json(itemReference(corpus, item), {
		headers: { 'cache-control': 'private, max-age=3600' }
	});
};
