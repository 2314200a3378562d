import { getLocale } from '$lib/paraglide/runtime';
import { membershipsOf } from '$lib/server/orgs/organisations';
import { runtime } from '$lib/server/web/runtime';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url }) => {
	const memberships = locals.user ? await membershipsOf(runtime().db, locals.user.id) : [];
	return {
		locale: getLocale(),
		user: locals.user,
		memberships,
		activeOrgId: locals.session?.activeOrgId ?? null,
		path: url.pathname + url.search
	};
};
