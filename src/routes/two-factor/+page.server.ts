import { fail, redirect } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { secondFactorSchema } from '$lib/schemas/security';
import { markTwoFactorVerified } from '$lib/server/auth/session';
import { checkSecondFactor } from '$lib/server/auth/two-factor';
import { trustBrowser } from '$lib/server/auth/accounts';
import { userActor } from '$lib/server/web/guards/auth';
import { secondFactorRefusal } from '$lib/server/web/second-factor';
import { readDeviceCookie, setDeviceCookie } from '$lib/server/web/throttle';
import { sameOriginPath } from '$lib/server/web/redirect';
import { runtime } from '$lib/server/web/runtime';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The person signed in with their password who still owes the second factor. */
function pendingSecondFactor(event: RequestEvent) {
	const { user, session } = event.locals;
	if (!user || !session) redirect(303, '/login');
	const next = sameOriginPath(event.url.searchParams.get('next'), event.url.origin);
	if (!user.twoFactor || session.twoFactorVerified) redirect(303, next);
	return { user, session, next };
}

export const load: PageServerLoad = async (event) => {
	pendingSecondFactor(event);
	return { form: await superValidate(zod4(secondFactorSchema)) };
};

export const actions: Actions = {
	default: async (event) => {
		const { user, session, next } = pendingSecondFactor(event);
		const form = await superValidate(event.request, zod4(secondFactorSchema));
		const code = form.data.code;
		form.data.code = '';
		if (!form.valid) return fail(400, { form });
		const actor = userActor(event, user.id);
		const db = runtime().db;
		const checked = await checkSecondFactor(db, actor, { userId: user.id, code });
		if (!checked.ok) {
			const refusal = secondFactorRefusal(event, checked);
			return setError(form, 'code', refusal.text, refusal.options);
		}
		await markTwoFactorVerified(db, actor, session.id, checked.how);
		// The whole log-in succeeded: only now is this browser one the account trusts.
		setDeviceCookie(event, await trustBrowser(db, user.id, readDeviceCookie(event)));
		redirect(303, next);
	}
};
