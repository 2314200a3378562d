import { getLocale } from '$lib/paraglide/runtime';
import { membershipsOf } from '$lib/server/orgs/organisations';
import { runtime } from '$lib/server/web/runtime';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url, cookies }) => {
	const memberships = locals.user ? await membershipsOf(runtime().db, locals.user.id) : [];
	return {
		locale: getLocale(),
		/** The Chinese interface shows English summaries only when the reader asked (see /language). */
		showEnglish: cookies.get('english') === 'show',
		user: locals.user,
		memberships,
		activeOrgId: locals.session?.activeOrgId ?? null,
		path: url.pathname + url.search
	};
};
