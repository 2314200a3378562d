import { redirect } from '@sveltejs/kit';
import { deleteSession } from '$lib/server/db/queries/sessions';
import { deleteSessionTokenCookie } from '$lib/server/web/session-cookie';
import { runtime } from '$lib/server/web/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ locals, cookies, url }) => {
		if (locals.session) await deleteSession(runtime().db, locals.session.id);
		deleteSessionTokenCookie(cookies, url.protocol === 'https:');
		redirect(303, '/login');
	}
};
