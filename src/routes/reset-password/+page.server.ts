import { fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { resetRequestSchema } from '$lib/schemas/security';
import { requestPasswordReset } from '$lib/server/auth/password-reset';
import { resetKeys, throttleAttempt } from '$lib/server/auth/throttle';
import { clientAddress, setRetryAfter } from '$lib/server/web/throttle';
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
		// Per account and per address (IPv6 by /64): reset mails cannot be used to flood an inbox.
		const email = form.data.email.trim().toLowerCase();
		const throttle = await throttleAttempt(runtime().db, resetKeys(email, clientAddress(event)));
		if (!throttle.allowed) {
			setRetryAfter(event, throttle.retryAfterSeconds);
			const text = m.access_err_wait({ seconds: throttle.retryAfterSeconds });
			return message(form, { type: 'error', text }, { status: 429 });
		}
		// The same answer whether or not an account has the address.
		await requestPasswordReset(
			runtime().db,
			{ operator: false, requestId: event.locals.requestId },
			{ email: form.data.email, origin: event.url.origin }
		);
		return message(form, { type: 'success', text: m.reset_request_sent() });
	}
};
