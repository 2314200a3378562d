import { actionPlanDownloadApi } from '$lib/server/api/assessments';
import { apiEndpoint } from '$lib/server/api/endpoint';

export const GET = apiEndpoint('getActionPlanCsv', async ({ api, params, query }) =>
	actionPlanDownloadApi(api, { id: params.id, lang: query.lang, format: 'csv' })
);
