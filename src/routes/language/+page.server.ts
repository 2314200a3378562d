import { fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { languageSchema } from '$lib/schemas/account';
import { sameOriginPath } from '$lib/server/web/redirect';
import type { Actions, PageServerLoad } from './$types';

const YEAR_S = 365 * 24 * 60 * 60;

export const load: PageServerLoad = async () => ({
	form: await superValidate(zod4(languageSchema))
});

export const actions: Actions = {
	default: async ({ request, cookies, url }) => {
		const form = await superValidate(request, zod4(languageSchema));
		if (!form.valid) return fail(400, { form });
		// Refused (400) before the cookie is set: a control character never reaches a header.
		const target = sameOriginPath(form.data.redirectTo, url.origin);
		cookies.set('lang', form.data.lang, {
			path: '/',
			maxAge: YEAR_S,
			httpOnly: false,
			sameSite: 'lax',
			secure: url.protocol === 'https:'
		});
		if (form.data.english)
			cookies.set('english', form.data.english, {
				path: '/',
				maxAge: YEAR_S,
				httpOnly: false,
				sameSite: 'lax',
				secure: url.protocol === 'https:'
			});
		redirect(303, target);
	}
};
