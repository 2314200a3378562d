import { requireApiAssessment } from '$lib/server/api/assessments';
import { apiEndpoint } from '$lib/server/api/endpoint';
import { reportPdfResponse } from '$lib/server/report/pdf-response';

export const GET = apiEndpoint('getReportPdf', async ({ api, params, query }) =>
	reportPdfResponse(api.db, {
		assessment: await requireApiAssessment(api, params.id),
		membership: api.membership,
		lang: query.lang
	})
);
