import { fail } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { changePasswordSchema } from '$lib/schemas/account';
import { changePassword } from '$lib/server/auth/accounts';
import { requireUser } from '$lib/server/web/guards/auth';
import { runtime } from '$lib/server/web/runtime';
import { setRetryAfter } from '$lib/server/web/throttle';
import type { FormNotice } from '$lib/forms';
import type { Actions, PageServerLoad } from './$types';

type PasswordForm = typeof changePasswordSchema._zod.output;

export const load: PageServerLoad = async (event) => {
	const { user } = requireUser(event);
	return { user, form: await superValidate<PasswordForm, FormNotice>(zod4(changePasswordSchema)) };
};

export const actions: Actions = {
	password: async (event) => {
		const { actor, session } = requireUser(event);
		const form = await superValidate<PasswordForm, FormNotice>(
			event.request,
			zod4(changePasswordSchema)
		);
		const input = { ...form.data };
		form.data = { currentPassword: '', newPassword: '', confirmPassword: '' };
		if (!form.valid) return fail(400, { form });
		const result = await changePassword(runtime().db, actor, {
			currentPassword: input.currentPassword,
			newPassword: input.newPassword,
			keepSessionId: session.id
		});
		if (!result.ok && result.reason === 'throttled') {
			setRetryAfter(event, result.retryAfterSeconds);
			return setError(
				form,
				'currentPassword',
				m.access_err_wait({ seconds: result.retryAfterSeconds }),
				{ status: 429 }
			);
		}
		if (!result.ok)
			return setError(form, 'currentPassword', m.err_wrong_password(), { status: 400 });
		return message(form, { type: 'success', text: m.password_changed() });
	}
};
