import { actionPlanDownloadApi } from '$lib/server/web/api/assessments';
import { apiEndpoint } from '$lib/server/web/api/endpoint';

export const GET = apiEndpoint('getActionPlanXlsx', async ({ api, params, query }) =>
	actionPlanDownloadApi(api, { id: params.id, lang: query.lang, format: 'xlsx' })
);
