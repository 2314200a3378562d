import { getLocale } from '$lib/paraglide/runtime';
import { viewerMemberships } from '$lib/server/web/guards/auth';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
	const { locals, url, cookies } = event;
	// Shared with the guards of the page's organisation (one query for both).
	const memberships = locals.user ? await viewerMemberships(event, locals.user.id) : [];
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
