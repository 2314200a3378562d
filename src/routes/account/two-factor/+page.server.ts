import { fail, redirect } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { enableTwoFactorSchema, secondFactorSchema } from '$lib/schemas/security';
import { organisationName, orgsRequiringTwoFactor } from '$lib/server/auth/org-policy';
import {
	disableTwoFactor,
	enableTwoFactor,
	manualKey,
	newTotpSetup,
	regenerateRecoveryCodes,
	unusedRecoveryCodes
} from '$lib/server/auth/two-factor';
import { requireUser } from '$lib/server/web/guards/auth';
import { passwordRefusal, secondFactorRefusal } from '$lib/server/web/second-factor';
import { readDeviceCookie } from '$lib/server/web/throttle';
import { reauthenticate } from '$lib/server/auth/reauthenticate';
import { sameOriginPath } from '$lib/server/web/redirect';
import { runtime } from '$lib/server/web/runtime';
import type { FormNotice } from '$lib/forms';
import type { Actions, PageServerLoad } from './$types';

type EnableForm = typeof enableTwoFactorSchema._zod.output;
type DisableForm = typeof secondFactorSchema._zod.output;

/**
 * Two-factor set-up (a QR code, the key, a code to prove it works), then the recovery codes once;
 * for someone who has it: new recovery codes, or turning it off (unless an organisation requires it).
 */
export const load: PageServerLoad = async (event) => {
	const { user } = requireUser(event);
	const db = runtime().db;
	const orgId = event.url.searchParams.get('org');
	const requiredBy =
		orgId && /^[0-9a-f-]{36}$/.test(orgId) ? await organisationName(db, orgId) : null;
	const blockedBy = user.twoFactor ? await orgsRequiringTwoFactor(db, user.id) : [];
	const setup = newTotpSetup(user.email);
	return {
		enabled: user.twoFactor,
		recoveryCodesLeft: user.twoFactor ? await unusedRecoveryCodes(db, user.id) : 0,
		blockedBy,
		requiredBy,
		qrSvg: setup.qrSvg,
		manualKey: manualKey(setup.key),
		form: await superValidate<EnableForm, FormNotice>(
			{ key: setup.key, code: '', currentPassword: '' },
			zod4(enableTwoFactorSchema),
			{
				errors: false
			}
		),
		disableForm: await superValidate<DisableForm, FormNotice>(zod4(secondFactorSchema), {
			id: 'disable'
		})
	};
};

export const actions: Actions = {
	enable: async (event) => {
		const { actor, session, user } = requireUser(event);
		if (user.twoFactor) redirect(303, '/account/two-factor');
		const form = await superValidate<EnableForm, FormNotice>(
			event.request,
			zod4(enableTwoFactorSchema)
		);
		const password = form.data.currentPassword;
		// The password is never sent back to the page.
		form.data.currentPassword = '';
		if (!form.valid) return fail(400, { form });
		// The person proves it is them (throttled as any other password check) before the key counts.
		const proof = await reauthenticate(runtime().db, actor, {
			password,
			code: '',
			device: readDeviceCookie(event)
		});
		if (!proof.ok) {
			// Without two-factor yet, the refusal is about the password (wrong, or too many tries).
			const refusal = passwordRefusal(event, proof);
			return setError(form, 'currentPassword', refusal.text, refusal.options);
		}
		const result = await enableTwoFactor(runtime().db, actor, {
			key: form.data.key,
			code: form.data.code,
			sessionId: session.id
		});
		if (!result.ok) return setError(form, 'code', m.err_two_factor_wrong(), { status: 400 });
		form.data.code = '';
		return {
			form,
			recoveryCodes: result.recoveryCodes,
			next: sameOriginPath(event.url.searchParams.get('next') ?? '/account', event.url.origin)
		};
	},
	renewCodes: async (event) => {
		const { actor, user } = requireUser(event);
		if (!user.twoFactor) return fail(400, {});
		return { recoveryCodes: await regenerateRecoveryCodes(runtime().db, actor), next: '/account' };
	},
	disable: async (event) => {
		const { actor, session, user } = requireUser(event);
		if (!user.twoFactor) redirect(303, '/account');
		const disableForm = await superValidate<DisableForm, FormNotice>(
			event.request,
			zod4(secondFactorSchema),
			{ id: 'disable' }
		);
		const code = disableForm.data.code;
		disableForm.data.code = '';
		const blockedBy = await orgsRequiringTwoFactor(runtime().db, user.id);
		if (blockedBy.length > 0)
			return message(
				disableForm,
				{ type: 'error', text: m.two_factor_disable_blocked() },
				{ status: 409 }
			);
		if (!disableForm.valid) return fail(400, { disableForm });
		const result = await disableTwoFactor(runtime().db, actor, {
			keepSessionId: session.id,
			code,
			device: readDeviceCookie(event)
		});
		if (!result.ok) {
			const refusal = secondFactorRefusal(event, result);
			return setError(disableForm, 'code', refusal.text, refusal.options);
		}
		redirect(303, '/account');
	}
};
