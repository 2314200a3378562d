import { apiEndpoint } from '$lib/server/web/api/endpoint';
import { shelfTimesJson } from '$lib/server/web/api/assessments';
import { m } from '$lib/paraglide/messages';
import { forbidden } from '$lib/server/web/api/http';
import { clientsOf, createClient } from '$lib/server/clients/service';

export const GET = apiEndpoint('listClients', async ({ api, query }) => {
	const clients = await clientsOf(api.db, api.membership.orgId, query.shelf);
	return {
		clients: clients.map((c) => ({
			id: c.id,
			name: c.name,
			registered_name: c.registeredName,
			business_scope: c.businessScope,
			contact: c.contact,
			notes: c.notes,
			created_at: new Date(c.createdAt).toISOString(),
			...shelfTimesJson(c)
		}))
	};
});

export const POST = apiEndpoint('createClient', async ({ api, body }) => {
	// As on the web: clients are a consultancy's.
	if (api.membership.orgKind !== 'consultancy') throw forbidden(m.api_err_firm_has_no_clients());
	const id = await createClient(api.db, api.actor, {
		orgId: api.membership.orgId,
		fields: {
			name: body.name,
			registeredName: body.registered_name?.trim() || null,
			businessScope: body.business_scope?.trim() || null,
			contact: null,
			notes: ''
		}
	});
	return { id };
});
