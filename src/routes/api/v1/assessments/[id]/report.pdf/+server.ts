import { requireApiAssessment } from '$lib/server/web/api/assessments';
import { apiEndpoint } from '$lib/server/web/api/endpoint';
import { reportResponse } from '$lib/server/web/downloads/report-file';
import { wantsComments } from '$lib/schemas/report';

export const GET = apiEndpoint('getReportPdf', async ({ api, params, query }) =>
	reportResponse(
		api.db,
		api.actor,
		{
			assessment: await requireApiAssessment(api, params.id),
			membership: api.membership,
			lang: query.lang,
			edition: query.edition,
			comments: wantsComments(query),
			format: 'pdf'
		},
		{ api: true }
	)
);
