import { error, fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { createOrgSchema, switchOrgSchema } from '$lib/schemas/account';
import { requireUser } from '$lib/server/web/guards/auth';
import { rememberActiveOrganisation } from '$lib/server/auth/session';
import { createOrganisation, membershipOf, membershipsOf } from '$lib/server/orgs/organisations';
import { runtime } from '$lib/server/web/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { user } = requireUser(event);
	return {
		memberships: await membershipsOf(runtime().db, user.id),
		createForm: await superValidate(zod4(createOrgSchema))
	};
};

export const actions: Actions = {
	create: async (event) => {
		const { actor, session } = requireUser(event);
		const form = await superValidate(event.request, zod4(createOrgSchema));
		if (!form.valid) return fail(400, { createForm: form });
		const db = runtime().db;
		const orgId = await createOrganisation(db, actor, {
			name: form.data.name,
			kind: form.data.kind
		});
		await rememberActiveOrganisation(db, session, orgId);
		redirect(303, `/o/${orgId}`);
	},
	switch: async (event) => {
		const { user, session } = requireUser(event);
		const form = await superValidate(event.request, zod4(switchOrgSchema));
		if (!form.valid) return fail(400, { switchForm: form });
		const db = runtime().db;
		if (!(await membershipOf(db, user.id, form.data.orgId))) error(404, 'Not found');
		await rememberActiveOrganisation(db, session, form.data.orgId);
		redirect(303, `/o/${form.data.orgId}`);
	}
};
