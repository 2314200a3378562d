import { fail, redirect } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { changePasswordSchema } from '$lib/schemas/account';
import { changeEmailSchema, deleteAccountSchema, mailLanguageSchema } from '$lib/schemas/security';
import {
	changePassword,
	deleteOwnAccount,
	requestEmailChange,
	setMailLanguage
} from '$lib/server/auth/accounts';
import { endOtherSessions, sessionLimits, sessionsOf } from '$lib/server/auth/session';
import { unusedRecoveryCodes } from '$lib/server/auth/two-factor';
import { requireUser } from '$lib/server/web/guards/auth';
import { passwordProblem } from '$lib/server/web/security';
import { deleteSessionTokenCookie } from '$lib/server/web/session-cookie';
import { runtime } from '$lib/server/web/runtime';
import { passwordRefusal } from '$lib/server/web/second-factor';
import { describeUserAgent } from '$lib/domain/user-agent';
import type { FormNotice } from '$lib/forms';
import type { Actions, PageServerLoad } from './$types';

type PasswordForm = typeof changePasswordSchema._zod.output;
type LanguageForm = typeof mailLanguageSchema._zod.output;
type EmailForm = typeof changeEmailSchema._zod.output;
type ConfirmForm = typeof deleteAccountSchema._zod.output;

export const load: PageServerLoad = async (event) => {
	const { user, session } = requireUser(event);
	const db = runtime().db;
	const { idleMs, maxMs } = sessionLimits();
	return {
		user,
		reset: event.url.searchParams.get('reset') === '1',
		// How many API tokens the reset revoked (said on the page: a script using one stops working).
		tokensRevoked: Math.min(Number(event.url.searchParams.get('tokens')) || 0, 10_000),
		form: await superValidate<PasswordForm, FormNotice>(zod4(changePasswordSchema)),
		languageForm: await superValidate<LanguageForm, FormNotice>(
			{ language: user.language },
			zod4(mailLanguageSchema),
			{ id: 'language' }
		),
		emailForm: await superValidate<EmailForm, FormNotice>(zod4(changeEmailSchema), {
			id: 'email'
		}),
		deleteForm: await superValidate<ConfirmForm, FormNotice>(zod4(deleteAccountSchema), {
			id: 'delete'
		}),
		twoFactor: user.twoFactor
			? { recoveryCodesLeft: await unusedRecoveryCodes(db, user.id) }
			: null,
		sessions: (await sessionsOf(db, user.id)).map((s) => ({
			current: s.id === session.id,
			createdAt: s.createdAt.toISOString(),
			lastSeenAt: s.lastSeenAt.toISOString(),
			// "Chrome 131 · Windows" rather than the whole header; an unknown one shortened.
			userAgent: describeUserAgent(s.userAgent) ?? s.userAgent?.slice(0, 60) ?? null
		})),
		limits: { idleHours: idleMs / 3600_000, maxDays: maxMs / 86400_000 }
	};
};

export const actions: Actions = {
	password: async (event) => {
		const { actor, session, user } = requireUser(event);
		const form = await superValidate<PasswordForm, FormNotice>(
			event.request,
			zod4(changePasswordSchema)
		);
		const input = { ...form.data };
		form.data = { currentPassword: '', newPassword: '', confirmPassword: '' };
		const weak = form.valid && passwordProblem(input.newPassword, [user.email, user.name]);
		if (weak) setError(form, 'newPassword', weak);
		if (!form.valid) return fail(400, { form });
		const result = await changePassword(runtime().db, actor, {
			currentPassword: input.currentPassword,
			newPassword: input.newPassword,
			keepSessionId: session.id
		});
		if (!result.ok) {
			const refusal = passwordRefusal(event, result);
			return setError(form, 'currentPassword', refusal.text, refusal.options);
		}
		const text =
			result.tokensRevoked > 0
				? `${m.password_changed()} ${m.harden_tokens_revoked_by_password({ count: result.tokensRevoked })}`
				: m.password_changed();
		return message(form, { type: 'success', text });
	},
	language: async (event) => {
		const { actor } = requireUser(event);
		const form = await superValidate<LanguageForm, FormNotice>(
			event.request,
			zod4(mailLanguageSchema),
			{ id: 'language' }
		);
		if (!form.valid) return fail(400, { languageForm: form });
		await setMailLanguage(runtime().db, actor, form.data.language);
		return message(form, { type: 'success', text: m.mail_language_saved() });
	},
	signOutElsewhere: async (event) => {
		const { actor, session } = requireUser(event);
		const ended = await endOtherSessions(runtime().db, actor, session.id);
		return { sessionsEnded: ended };
	},
	email: async (event) => {
		const { actor } = requireUser(event);
		const form = await superValidate<EmailForm, FormNotice>(
			event.request,
			zod4(changeEmailSchema),
			{
				id: 'email'
			}
		);
		const password = form.data.emailPassword;
		form.data.emailPassword = '';
		if (!form.valid) return fail(400, { emailForm: form });
		const result = await requestEmailChange(runtime().db, actor, {
			newEmail: form.data.newEmail,
			password
		});
		if (!result.ok && result.reason === 'same_email')
			return setError(form, 'newEmail', m.email_change_same(), { status: 400 });
		if (!result.ok) {
			const refusal = passwordRefusal(event, result);
			return setError(form, 'emailPassword', refusal.text, refusal.options);
		}
		redirect(303, '/verify-email?next=%2Faccount');
	},
	delete: async (event) => {
		const { actor } = requireUser(event);
		const form = await superValidate<ConfirmForm, FormNotice>(
			event.request,
			zod4(deleteAccountSchema),
			{ id: 'delete' }
		);
		const password = form.data.deletePassword;
		form.data.deletePassword = '';
		if (!form.valid) return fail(400, { deleteForm: form });
		const result = await deleteOwnAccount(runtime().db, actor, { password });
		if (!result.ok && result.reason === 'last_owner')
			return message(
				form,
				{
					type: 'error',
					text: m.delete_account_last_owner({ orgs: result.organisations.join('、') })
				},
				{ status: 409 }
			);
		if (!result.ok) {
			const refusal = passwordRefusal(event, result);
			return setError(form, 'deletePassword', refusal.text, refusal.options);
		}
		deleteSessionTokenCookie(event.cookies, event.url.protocol === 'https:');
		redirect(303, '/login');
	}
};
