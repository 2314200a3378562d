import { apiEndpoint } from '$lib/server/web/api/endpoint';
import { notFound } from '$lib/server/web/api/http';
import { loadComparison } from '$lib/server/assessments/comparison';

/** 404 when either is not the organisation's, or they assess different clients. */
export const GET = apiEndpoint('compareAssessments', async ({ api, params }) => {
	const comparison = await loadComparison(api.db, {
		orgId: api.membership.orgId,
		id: params.id,
		otherId: params.other_id
	});
	if (!comparison) throw notFound();
	return comparison;
});
