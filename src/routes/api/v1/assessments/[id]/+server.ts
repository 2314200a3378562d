import { assessmentDetailJson, requireApiAssessment } from '$lib/server/web/api/assessments';
import { apiEndpoint } from '$lib/server/web/api/endpoint';

export const GET = apiEndpoint('getAssessment', async ({ api, params }) =>
	assessmentDetailJson(api, await requireApiAssessment(api, params.id))
);
