import { error, fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { createOrgSchema, switchOrgSchema } from '$lib/schemas/account';
import { requireUser } from '$lib/server/web/guards/auth';
import { findMembership, listMemberships } from '$lib/server/db/queries/organisations';
import { updateSessionOrg } from '$lib/server/db/queries/sessions';
import { createOrganisation } from '$lib/server/orgs/organisations';
import { runtime } from '$lib/server/web/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { user } = requireUser(event);
	return {
		memberships: await listMemberships(runtime().db, user.id),
		createForm: await superValidate(zod4(createOrgSchema))
	};
};

export const actions: Actions = {
	create: async (event) => {
		const { user, session } = requireUser(event);
		const form = await superValidate(event.request, zod4(createOrgSchema));
		if (!form.valid) return fail(400, { createForm: form });
		const db = runtime().db;
		const orgId = await db
			.transaction()
			.execute((tx) =>
				createOrganisation(tx, { name: form.data.name, kind: form.data.kind, ownerId: user.id })
			);
		await updateSessionOrg(db, session.id, orgId);
		redirect(303, `/o/${orgId}`);
	},
	switch: async (event) => {
		const { user, session } = requireUser(event);
		const form = await superValidate(event.request, zod4(switchOrgSchema));
		if (!form.valid) return fail(400, { switchForm: form });
		const db = runtime().db;
		if (!(await findMembership(db, user.id, form.data.orgId))) error(404, 'Not found');
		await updateSessionOrg(db, session.id, form.data.orgId);
		redirect(303, `/o/${form.data.orgId}`);
	}
};
