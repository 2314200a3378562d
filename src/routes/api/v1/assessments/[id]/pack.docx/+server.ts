import { requireApiAssessment } from '$lib/server/web/api/assessments';
import { apiEndpoint } from '$lib/server/web/api/endpoint';
import { packResponse } from '$lib/server/web/downloads/pack-file';

export const GET = apiEndpoint('getPackDocx', async ({ api, params, query }) =>
	packResponse(
		api.db,
		{
			assessment: await requireApiAssessment(api, params.id),
			lang: query.lang,
			edition: query.edition,
			format: 'docx'
		},
		{ api: true }
	)
);
