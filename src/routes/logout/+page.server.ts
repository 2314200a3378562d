import { redirect } from '@sveltejs/kit';
import { endSession } from '$lib/server/auth/session';
import { deleteSessionTokenCookie } from '$lib/server/web/session-cookie';
import { userActor } from '$lib/server/web/guards/auth';
import { runtime } from '$lib/server/web/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async (event) => {
		const { locals, cookies, url } = event;
		if (locals.session)
			await endSession(runtime().db, userActor(event, locals.session.userId), locals.session.id);
		deleteSessionTokenCookie(cookies, url.protocol === 'https:');
		redirect(303, '/login');
	}
};
