import { requireApiAssessment } from '$lib/server/web/api/assessments';
import { downloadApiEvidence } from '$lib/server/web/api/evidence';
import { apiEndpoint } from '$lib/server/web/api/endpoint';

export const GET = apiEndpoint('downloadEvidence', async ({ api, params }) =>
	downloadApiEvidence(api, await requireApiAssessment(api, params.id), params.file_id)
);
