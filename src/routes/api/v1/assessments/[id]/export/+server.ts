import { apiEndpoint } from '$lib/server/web/api/endpoint';
import { notFound } from '$lib/server/web/api/http';
import { exportAssessment } from '$lib/server/assessments/transfer';

export const GET = apiEndpoint('exportAssessment', async ({ api, params }) => {
	const data = await exportAssessment(api.db, { orgId: api.membership.orgId, id: params.id });
	if (!data) throw notFound();
	return data;
});
