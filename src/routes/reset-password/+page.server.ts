import { fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { resetRequestSchema } from '$lib/schemas/security';
import { requestPasswordReset } from '$lib/server/auth/password-reset';
import { runtime } from '$lib/server/web/runtime';
import type { FormNotice } from '$lib/forms';
import type { Actions, PageServerLoad } from './$types';

type RequestForm = typeof resetRequestSchema._zod.output;

export const load: PageServerLoad = async () => ({
	form: await superValidate<RequestForm, FormNotice>(zod4(resetRequestSchema))
});

export const actions: Actions = {
	default: async (event) => {
		const form = await superValidate<RequestForm, FormNotice>(
			event.request,
			zod4(resetRequestSchema)
		);
		if (!form.valid) return fail(400, { form });
		// The same answer whether or not an account has the address.
		await requestPasswordReset(
			runtime().db,
			{ operator: false, requestId: event.locals.requestId },
			{ email: form.data.email, origin: event.url.origin }
		);
		return message(form, { type: 'success', text: m.reset_request_sent() });
	}
};
