import { requireApiAssessment } from '$lib/server/web/api/assessments';
import { listApiEvidence, uploadApiEvidence } from '$lib/server/web/api/evidence';
import { apiEndpoint } from '$lib/server/web/api/endpoint';

export const GET = apiEndpoint('listEvidence', async ({ api, params }) =>
	listApiEvidence(api, await requireApiAssessment(api, params.id), params.item_id)
);

export const POST = apiEndpoint('uploadEvidence', async ({ api, params, event }) =>
	uploadApiEvidence(api, event.request, await requireApiAssessment(api, params.id), params.item_id)
);
