import { fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { logInSchema } from '$lib/schemas/account';
import { logIn } from '$lib/server/auth/accounts';
import { safeNextPath } from '$lib/server/web/guards/auth';
import { membershipsOf } from '$lib/server/orgs/organisations';
import { startSession } from '$lib/server/web/start-session';
import { runtime } from '$lib/server/web/runtime';
import type { FormNotice } from '$lib/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.user) redirect(303, safeNextPath(url.searchParams.get('next')));
	return {
		form: await superValidate<typeof logInSchema._zod.output, FormNotice>(zod4(logInSchema))
	};
};

export const actions: Actions = {
	default: async (event) => {
		const form = await superValidate<typeof logInSchema._zod.output, FormNotice>(
			event.request,
			zod4(logInSchema)
		);
		const password = form.data.password;
		// The password is never sent back to the page.
		form.data.password = '';
		if (!form.valid) return fail(400, { form });
		const db = runtime().db;
		const result = await logIn(db, {
			email: form.data.email,
			password,
			address: event.getClientAddress(),
			requestId: event.locals.requestId
		});
		if (!result.ok) {
			const text = result.reason === 'throttled' ? m.err_login_throttled() : m.err_login_wrong();
			return message(
				form,
				{ type: 'error', text },
				{ status: result.reason === 'throttled' ? 429 : 400 }
			);
		}
		const memberships = await membershipsOf(db, result.userId);
		// With two-factor, the session reaches the two-factor page only until the code is given.
		await startSession(event, result.userId, memberships[0]?.orgId ?? null, {
			twoFactorVerified: !result.twoFactor
		});
		const next = event.url.searchParams.get('next');
		const destination = next ? safeNextPath(next) : '/';
		if (result.twoFactor) redirect(303, `/two-factor?next=${encodeURIComponent(destination)}`);
		redirect(303, destination);
	}
};
