import { fail, redirect } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { signUpSchema } from '$lib/schemas/account';
import { signUpOrNotify } from '$lib/server/auth/accounts';
import { safeNextPath } from '$lib/server/web/guards/auth';
import { passwordProblem, setPendingSignUp } from '$lib/server/web/security';
import { runtime } from '$lib/server/web/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.user) redirect(303, safeNextPath(url.searchParams.get('next')));
	return {
		form: await superValidate(zod4(signUpSchema)),
		joining: isInvitationPath(url.searchParams.get('next'))
	};
};

export const actions: Actions = {
	default: async (event) => {
		const form = await superValidate(event.request, zod4(signUpSchema));
		const joining = isInvitationPath(event.url.searchParams.get('next'));
		if (form.valid && form.data.orgName === '' && !joining)
			setError(form, 'orgName', m.err_required());
		const weak =
			form.valid && passwordProblem(form.data.password, [form.data.email, form.data.name]);
		if (weak) setError(form, 'password', weak);
		if (!form.valid) return fail(400, { form: { ...form, data: { ...form.data, password: '' } } });
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
		const next = event.url.searchParams.get('next');
		redirect(303, `/verify-email${next ? `?next=${encodeURIComponent(safeNextPath(next))}` : ''}`);
	}
};

function isInvitationPath(next: string | null): boolean {
	return next !== null && /^\/invite\/[a-z2-7]+$/.test(next);
}
