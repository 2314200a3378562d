import { requireApiAssessment } from '$lib/server/web/api/assessments';
import { apiEndpoint } from '$lib/server/web/api/endpoint';
import { reportPdfResponse } from '$lib/server/web/downloads/report-pdf';

export const GET = apiEndpoint('getReportPdf', async ({ api, params, query }) =>
	reportPdfResponse(
		api.db,
		{
			assessment: await requireApiAssessment(api, params.id),
			membership: api.membership,
			lang: query.lang,
			edition: query.edition
		},
		{ api: true }
	)
);
