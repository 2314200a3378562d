import { fail, redirect } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { secondFactorSchema } from '$lib/schemas/security';
import { markTwoFactorVerified } from '$lib/server/auth/session';
import { checkSecondFactor } from '$lib/server/auth/two-factor';
import { userActor } from '$lib/server/web/guards/auth';
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
		const how = await checkSecondFactor(runtime().db, actor, { userId: user.id, code });
		if (!how) return setError(form, 'code', m.err_two_factor_wrong(), { status: 400 });
		await markTwoFactorVerified(runtime().db, actor, session.id, how);
		redirect(303, next);
	}
};
