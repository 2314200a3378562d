import { importApiAssessment } from '$lib/server/web/api/assessments';
import { apiEndpoint } from '$lib/server/web/api/endpoint';

export const POST = apiEndpoint('importAssessment', async ({ api, query, body }) =>
	importApiAssessment(api, {
		clientId: query.client_id ?? null,
		confirmOtherClient: query.confirm_other_client === 'true',
		otherClient: query.other_client,
		data: body
	})
);
