import { fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { logInSchema } from '$lib/schemas/account';
import { logIn } from '$lib/server/auth/accounts';
import { sameOriginPath } from '$lib/server/web/redirect';
import {
	clientAddress,
	readDeviceCookie,
	setDeviceCookie,
	setRetryAfter
} from '$lib/server/web/throttle';
import { membershipsOf } from '$lib/server/orgs/organisations';
import { startSession } from '$lib/server/web/start-session';
import { runtime } from '$lib/server/web/runtime';
import type { FormNotice } from '$lib/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	// Checked before anything else: a `next` with a control character is refused, logged in or not.
	const next = sameOriginPath(url.searchParams.get('next'), url.origin);
	if (locals.user) redirect(303, next);
	return {
		form: await superValidate<typeof logInSchema._zod.output, FormNotice>(zod4(logInSchema))
	};
};

export const actions: Actions = {
	default: async (event) => {
		const next = sameOriginPath(event.url.searchParams.get('next'), event.url.origin);
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
			address: clientAddress(event),
			device: readDeviceCookie(event),
			requestId: event.locals.requestId
		});
		if (!result.ok) {
			if (result.reason === 'throttled') {
				setRetryAfter(event, result.retryAfterSeconds);
				const text = m.access_err_login_wait({ seconds: result.retryAfterSeconds });
				return message(form, { type: 'error', text }, { status: 429 });
			}
			return message(form, { type: 'error', text: m.err_login_wrong() }, { status: 400 });
		}
		if (result.device) setDeviceCookie(event, result.device);
		const memberships = await membershipsOf(db, result.userId);
		// With two-factor, the session reaches the two-factor page only until the code is given.
		await startSession(event, result.userId, memberships[0]?.orgId ?? null, {
			twoFactorVerified: !result.twoFactor
		});
		if (result.twoFactor) redirect(303, `/two-factor?next=${encodeURIComponent(next)}`);
		redirect(303, next);
	}
};
