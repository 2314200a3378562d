import { fail, type RequestEvent } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import type { FormNotice } from '$lib/forms';
import { createApiTokenSchema, revokeApiTokenSchema } from '$lib/schemas/api-tokens';
import { requireOrgWide } from '../guards/auth';
import { logger } from '../../logger';
import { runtime } from '../runtime';
import { apiTokensOf, createApiToken, revokeApiToken } from '../../auth/api-tokens';
import { reauthenticate } from '../../auth/reauthenticate';
import { passwordRefusal, secondFactorRefusal } from '../second-factor';
import { readDeviceCookie } from '../throttle';

/** The API tokens section of the organisation's settings: owners only. */
const OWNER = ['owner'] as const;
type OrgEvent = RequestEvent<{ orgId: string }>;
export type ApiTokenNotice = FormNotice & { token?: string };

function tokenForm(request?: Request) {
	return request
		? superValidate<typeof createApiTokenSchema._zod.output, ApiTokenNotice>(
				request,
				zod4(createApiTokenSchema)
			)
		: superValidate<typeof createApiTokenSchema._zod.output, ApiTokenNotice>(
				zod4(createApiTokenSchema)
			);
}

export async function loadApiTokens(event: OrgEvent) {
	const { user, membership } = await requireOrgWide(event, event.params.orgId);
	if (membership.role !== 'owner') return { apiTokens: null };
	return {
		apiTokens: {
			tokens: await apiTokensOf(runtime().db, membership.orgId),
			form: await tokenForm(),
			// Which proof the form asks for: a current code with two-factor, else the password.
			twoFactor: user.twoFactor
		}
	};
}

export const apiTokenActions = {
	createToken: async (event: OrgEvent) => {
		const { user, actor, membership } = await requireOrgWide(event, event.params.orgId, OWNER);
		const form = await tokenForm(event.request);
		const { currentPassword, code } = form.data;
		// The proof is never sent back to the page.
		form.data.currentPassword = '';
		form.data.code = '';
		if (!form.valid) return fail(400, { apiTokenForm: form });
		// A token outlives the session that made it: whoever makes one proves again that it is them.
		const proof = await reauthenticate(runtime().db, actor, {
			password: currentPassword,
			code,
			device: readDeviceCookie(event)
		});
		if (!proof.ok) {
			if (user.twoFactor && proof.reason !== 'wrong_password') {
				const refusal = secondFactorRefusal(event, proof);
				return setError(form, 'code', refusal.text, refusal.options);
			}
			const refusal = passwordRefusal(event, proof);
			return setError(form, 'currentPassword', refusal.text, refusal.options);
		}
		// A token made here acts for whoever made it, with their role or less.
		const created = await createApiToken(runtime().db, actor, {
			orgId: membership.orgId,
			name: form.data.name,
			userId: user.id,
			scope: form.data.scope,
			lifetimeDays: Number(form.data.lifetimeDays)
		});
		if (!created.ok && created.reason === 'two_factor_required')
			return message(
				form,
				{ type: 'error', text: m.harden_token_two_factor_required() },
				{ status: 403 }
			);
		// The guard found the owner a member a moment ago: only a removal in between gets here.
		if (!created.ok) return fail(403, { apiTokenForm: form });
		logger.info(
			{ tokenId: created.id, orgId: membership.orgId, userId: user.id },
			'api token created'
		);
		form.data.name = '';
		// Shown once: only its hash is kept.
		return message(form, { type: 'success', text: m.api_token_created(), token: created.token });
	},
	revokeToken: async (event: OrgEvent) => {
		const { user, actor, membership } = await requireOrgWide(event, event.params.orgId, OWNER);
		const form = await superValidate(event.request, zod4(revokeApiTokenSchema));
		if (!form.valid) return fail(400, { apiTokenRevoked: false });
		const revoked = await revokeApiToken(runtime().db, actor, {
			orgId: membership.orgId,
			id: form.data.tokenId
		});
		if (!revoked) return fail(404, { apiTokenRevoked: false });
		logger.info({ tokenId: form.data.tokenId, userId: user.id }, 'api token revoked');
		return { apiTokenRevoked: true };
	}
};
