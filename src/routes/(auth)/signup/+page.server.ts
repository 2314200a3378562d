import { fail, redirect } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { signUpSchema } from '$lib/schemas/account';
import { signUpOrNotify } from '$lib/server/auth/accounts';
import { passwordProblem, setPendingSignUp } from '$lib/server/web/security';
import { sameOriginPath } from '$lib/server/web/redirect';
import { clientAddress, setRetryAfter } from '$lib/server/web/throttle';
import { signUpKey, throttleAttempt } from '$lib/server/auth/throttle';
import { runtime } from '$lib/server/web/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const next = sameOriginPath(url.searchParams.get('next'), url.origin);
	if (locals.user) redirect(303, next);
	return {
		form: await superValidate(zod4(signUpSchema)),
		joining: isInvitationPath(url.searchParams.get('next'))
	};
};

export const actions: Actions = {
	default: async (event) => {
		const next = event.url.searchParams.get('next');
		const target = sameOriginPath(next, event.url.origin);
		const form = await superValidate(event.request, zod4(signUpSchema));
		const joining = isInvitationPath(event.url.searchParams.get('next'));
		if (form.valid && form.data.orgName === '' && !joining)
			setError(form, 'orgName', m.err_required());
		const weak =
			form.valid && passwordProblem(form.data.password, [form.data.email, form.data.name]);
		if (weak) setError(form, 'password', weak);
		if (!form.valid) return fail(400, { form: { ...form, data: { ...form.data, password: '' } } });
		// Sign-ups are throttled per address (IPv6 by /64): no mass accounts, no cheap probing.
		const throttle = await throttleAttempt(runtime().db, [signUpKey(clientAddress(event))]);
		if (!throttle.allowed) {
			setRetryAfter(event, throttle.retryAfterSeconds);
			form.data.password = '';
			const text = m.access_err_wait({ seconds: throttle.retryAfterSeconds });
			return setError(form, 'email', text, { status: 429 });
		}
		// The same answer whether or not the address is registered: "enter the code we mailed".
		await signUpOrNotify(runtime().db, {
			name: form.data.name,
			email: form.data.email,
			password: form.data.password,
			orgName: form.data.orgName === '' ? null : form.data.orgName,
			orgKind: form.data.orgKind,
			language: getLocale() === 'en' ? 'en' : 'zh',
			requestId: event.locals.requestId,
			origin: event.url.origin
		});
		setPendingSignUp(event, form.data.email.trim().toLowerCase());
		redirect(303, `/verify-email${next ? `?next=${encodeURIComponent(target)}` : ''}`);
	}
};

function isInvitationPath(next: string | null): boolean {
	return next !== null && /^\/invite\/[a-z2-7]+$/.test(next);
}
