import { fail, type RequestEvent } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import type { FormNotice } from '$lib/forms';
import { requireTwoFactorSchema } from '$lib/schemas/security';
import { requiresTwoFactor, setRequireTwoFactor } from '../../auth/org-policy';
import { readServerEnv } from '../../env';
import { pendingMails } from '../../mail/outbox';
import { requireOrgWide } from '../guards/auth';
import { runtime } from '../runtime';

/** The security section of the organisation's settings (owners): two-factor for all, the outbox. */
const OWNER = ['owner'] as const;
type OrgEvent = RequestEvent<{ orgId: string }>;
type PolicyForm = typeof requireTwoFactorSchema._zod.output;

export async function loadOrgSecurity(event: OrgEvent) {
	const { membership } = await requireOrgWide(event, event.params.orgId, OWNER);
	const db = runtime().db;
	const required = await requiresTwoFactor(db, membership.orgId);
	return {
		security: {
			form: await superValidate<PolicyForm, FormNotice>(
				{ required },
				zod4(requireTwoFactorSchema),
				{
					id: 'twoFactorPolicy'
				}
			),
			pendingMails: (await pendingMails(db, { orgId: membership.orgId, limit: 1 })).length,
			mailConfigured: readServerEnv().smtpUrl !== null
		}
	};
}

export const orgSecurityActions = {
	twoFactorPolicy: async (event: OrgEvent) => {
		const { user, actor, membership } = await requireOrgWide(event, event.params.orgId, OWNER);
		const form = await superValidate<PolicyForm, FormNotice>(
			event.request,
			zod4(requireTwoFactorSchema),
			{ id: 'twoFactorPolicy' }
		);
		if (!form.valid) return fail(400, { form });
		// An owner who requires it of everyone has it: otherwise the next page would lock them out.
		if (form.data.required && !user.twoFactor)
			return message(
				form,
				{ type: 'error', text: m.require_two_factor_own_first() },
				{ status: 400 }
			);
		await setRequireTwoFactor(runtime().db, actor, {
			orgId: membership.orgId,
			required: form.data.required
		});
		return message(form, { type: 'success', text: m.require_two_factor_saved() });
	}
};
