import { putApiAnswer, requireApiAssessment } from '$lib/server/web/api/assessments';
import { apiEndpoint } from '$lib/server/web/api/endpoint';

export const PUT = apiEndpoint('putAnswer', async ({ api, params, body }) =>
	putApiAnswer(api, await requireApiAssessment(api, params.id), params.item_id, body)
);
