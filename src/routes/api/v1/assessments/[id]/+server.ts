import { assessmentDetailJson, requireApiAssessment } from '$lib/server/api/assessments';
import { apiEndpoint } from '$lib/server/api/endpoint';

export const GET = apiEndpoint('getAssessment', async ({ api, params }) =>
	assessmentDetailJson(api, await requireApiAssessment(api, params.id))
);
