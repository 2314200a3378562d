import { fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { clientFields, clientSchema } from '$lib/schemas/client';
import { CLIENT_MANAGER_ROLES, requireConsultancy } from '$lib/server/web/guards/client';
import { clientsOf, createClient } from '$lib/server/clients/service';
import { runtime } from '$lib/server/web/runtime';
import { purgeDayOf } from '$lib/server/web/actions/lifecycle';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { membership } = await requireConsultancy(event, event.params.orgId);
	const canManage = CLIENT_MANAGER_ROLES.includes(membership.role);
	// The archived and deleted shelves are for those who may restore (as the assessments list's).
	const asked = event.url.searchParams.get('shelf');
	const shelf = canManage && (asked === 'archived' || asked === 'deleted') ? asked : 'active';
	const clients = await clientsOf(runtime().db, membership.orgId, shelf);
	return {
		clients: clients.map((c) => ({
			...c,
			purgeOn: c.deletedAt ? purgeDayOf(c.deletedAt) : null
		})),
		shelf,
		canManage,
		form: await superValidate(zod4(clientSchema))
	};
};

export const actions: Actions = {
	create: async (event) => {
		const { actor, membership } = await requireConsultancy(
			event,
			event.params.orgId,
			CLIENT_MANAGER_ROLES
		);
		const form = await superValidate(event.request, zod4(clientSchema));
		if (!form.valid) return fail(400, { form });
		const id = await createClient(runtime().db, actor, {
			orgId: membership.orgId,
			fields: clientFields(form.data)
		});
		redirect(303, `/o/${membership.orgId}/clients/${id}`);
	}
};
