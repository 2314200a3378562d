import { importApiAssessment } from '$lib/server/api/assessments';
import { apiEndpoint } from '$lib/server/api/endpoint';

export const POST = apiEndpoint('importAssessment', async ({ api, query, body }) =>
	importApiAssessment(api, { clientId: query.client_id ?? null, data: body })
);
