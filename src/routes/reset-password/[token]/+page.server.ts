import { fail, redirect } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { resetPasswordSchema } from '$lib/schemas/security';
import { completePasswordReset, findPasswordReset } from '$lib/server/auth/password-reset';
import { membershipsOf } from '$lib/server/orgs/organisations';
import { passwordProblem } from '$lib/server/web/security';
import { secondFactorRefusal } from '$lib/server/web/second-factor';
import { startSession } from '$lib/server/web/start-session';
import { runtime } from '$lib/server/web/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const reset = await findPasswordReset(runtime().db, params.token);
	return {
		valid: reset !== null,
		twoFactor: reset?.twoFactor ?? false,
		form: await superValidate(zod4(resetPasswordSchema))
	};
};

export const actions: Actions = {
	default: async (event) => {
		const form = await superValidate(event.request, zod4(resetPasswordSchema));
		const input = { ...form.data };
		form.data = { newPassword: '', secondFactor: '' };
		const db = runtime().db;
		const reset = await findPasswordReset(db, event.params.token);
		// A void link: the page says so (and offers a new one).
		if (!reset) redirect(303, event.url.pathname);
		const weak = form.valid && passwordProblem(input.newPassword, [reset.email]);
		if (weak) setError(form, 'newPassword', weak);
		if (!form.valid) return fail(400, { form });
		const result = await completePasswordReset(db, {
			token: event.params.token,
			newPassword: input.newPassword,
			secondFactor: input.secondFactor,
			requestId: event.locals.requestId
		});
		if (!result.ok && result.reason === 'second_factor') {
			const refusal = secondFactorRefusal(event, result.refused);
			return setError(form, 'secondFactor', refusal.text, refusal.options);
		}
		if (!result.ok) redirect(303, event.url.pathname);
		// Every session ended with the reset; this browser gets a new one, the second factor given.
		const memberships = await membershipsOf(db, result.userId);
		await startSession(event, result.userId, memberships[0]?.orgId ?? null, {
			twoFactorVerified: true
		});
		redirect(
			303,
			result.tokensRevoked > 0
				? `/account?reset=1&tokens=${result.tokensRevoked}`
				: '/account?reset=1'
		);
	}
};
