import { fail, redirect } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { verifyCodeSchema } from '$lib/schemas/security';
import { pendingVerificationFor, resendCodeFor, verifyCodeFor } from '$lib/server/web/verify-email';
import { sameOriginPath } from '$lib/server/web/redirect';
import { readServerEnv } from '$lib/server/env';
import type { FormNotice } from '$lib/forms';
import type { Actions, PageServerLoad } from './$types';

type CodeForm = typeof verifyCodeSchema._zod.output;

export const load: PageServerLoad = async (event) => {
	const pending = await pendingVerificationFor(event);
	if (!pending) redirect(303, event.locals.user ? '/' : '/login');
	return {
		email: pending.email,
		mailConfigured: readServerEnv().smtpUrl !== null,
		form: await superValidate<CodeForm, FormNotice>(zod4(verifyCodeSchema))
	};
};

export const actions: Actions = {
	verify: async (event) => {
		const form = await superValidate<CodeForm, FormNotice>(event.request, zod4(verifyCodeSchema));
		if (!form.valid) return fail(400, { form });
		const result = await verifyCodeFor(event, form.data.code);
		if (!result.ok) {
			const text =
				result.reason === 'wrong_code'
					? m.err_code_wrong()
					: result.reason === 'email_taken'
						? m.err_email_now_taken()
						: m.err_code_expired();
			return setError(form, 'code', text, { status: 400 });
		}
		const next = event.url.searchParams.get('next');
		redirect(303, next ? sameOriginPath(next, event.url.origin) : result.home);
	},
	resend: async (event) => {
		const form = await superValidate<CodeForm, FormNotice>(zod4(verifyCodeSchema));
		const sent = await resendCodeFor(event);
		if (!sent)
			return message(form, { type: 'error', text: m.verify_resend_too_soon() }, { status: 429 });
		// An empty form is "invalid" to superforms, and `message` would answer 400: set it directly.
		form.message = { type: 'success', text: m.verify_resent() };
		return { form };
	}
};
