import { actionPlanDownloadApi } from '$lib/server/web/api/assessments';
import { apiEndpoint } from '$lib/server/web/api/endpoint';

export const GET = apiEndpoint('getActionPlanCsv', async ({ api, params, query }) =>
	actionPlanDownloadApi(api, { id: params.id, lang: query.lang, format: 'csv' })
);
