import { requireApiAssessment } from '$lib/server/web/api/assessments';
import { apiEndpoint } from '$lib/server/web/api/endpoint';
import { reportResponse } from '$lib/server/web/downloads/report-file';

export const GET = apiEndpoint('getReportPdf', async ({ api, params, query }) =>
	reportResponse(
		api.db,
		api.actor,
		{
			assessment: await requireApiAssessment(api, params.id),
			membership: api.membership,
			lang: query.lang,
			edition: query.edition,
			format: 'pdf'
		},
		{ api: true }
	)
);
