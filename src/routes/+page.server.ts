import { redirect } from '@sveltejs/kit';
import { membershipsOf } from '$lib/server/orgs/organisations';
import { runtime } from '$lib/server/web/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.user) return {};
	const memberships = await membershipsOf(runtime().db, locals.user.id);
	const active =
		memberships.find((mm) => mm.orgId === locals.session?.activeOrgId) ?? memberships[0];
	redirect(303, active ? `/o/${active.orgId}` : '/orgs');
};
