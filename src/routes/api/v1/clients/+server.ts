import { apiEndpoint } from '$lib/server/web/api/endpoint';
import { insertClient, listClients } from '$lib/server/db/queries/clients';

export const GET = apiEndpoint('listClients', async ({ api }) => {
	const clients = await listClients(api.db, { orgId: api.membership.orgId });
	return {
		clients: clients.map((c) => ({
			id: c.id,
			name: c.name,
			registered_name: c.registeredName,
			contact: c.contact,
			notes: c.notes,
			created_at: new Date(c.createdAt).toISOString()
		}))
	};
});

export const POST = apiEndpoint('createClient', async ({ api, body }) => {
	const id = crypto.randomUUID();
	await insertClient(api.db, {
		id,
		orgId: api.membership.orgId,
		createdBy: api.actorId,
		name: body.name,
		registeredName: body.registered_name?.trim() || null,
		contact: null,
		notes: ''
	});
	return { id };
});
