import { apiEndpoint } from '$lib/server/web/api/endpoint';
import { putApiSchedule } from '$lib/server/web/api/schedule';

export const PUT = apiEndpoint('putSchedule', async ({ api, params, body, event }) =>
	putApiSchedule(api, params.id, body, { origin: event.url.origin })
);
