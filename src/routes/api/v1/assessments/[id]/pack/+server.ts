import { apiEndpoint } from '$lib/server/web/api/endpoint';
import { getApiPackForm, putApiPackForm } from '$lib/server/web/api/pack';

export const GET = apiEndpoint('getPackForm', async ({ api, params }) =>
	getApiPackForm(api, params.id)
);

export const PUT = apiEndpoint('putPackForm', async ({ api, params, body }) =>
	putApiPackForm(api, params.id, body)
);
