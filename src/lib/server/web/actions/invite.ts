import { fail, type RequestEvent } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { inviteSchema } from '$lib/schemas/account';
import type { FormNotice } from '$lib/forms';
import type { Role } from '../../db/schema';
import { requireOrgWide } from '../guards/auth';
import { runtime } from '../runtime';
import { checkRespondentScope, createInvitation, invitationLink } from '../../orgs/invitations';

export type InviteNotice = FormNotice & { link?: string };

/** The invitation form, its mail in the inviter's language unless they choose another. */
export function inviteForm() {
	return superValidate<typeof inviteSchema._zod.output, InviteNotice>(
		{ language: getLocale() === 'en' ? 'en' : 'zh' },
		zod4(inviteSchema),
		{ errors: false }
	);
}

/**
 * The one action that invites, from the members page (owners, any role) and from a client's page
 * (owners and consultants, respondents of that client). The scope is checked against the
 * organisation; a bad one is a field error and nothing is created.
 */
export async function inviteAction(
	event: RequestEvent<{ orgId: string }>,
	options: { roles: readonly Role[]; clientId?: string }
) {
	const { actor, membership } = await requireOrgWide(event, event.params.orgId, options.roles);
	const form = await superValidate<typeof inviteSchema._zod.output, InviteNotice>(
		event.request,
		zod4(inviteSchema)
	);
	if (!form.valid) return fail(400, { inviteForm: form });
	if (options.clientId) {
		form.data.role = 'respondent';
		form.data.clientId = options.clientId;
	}
	const db = runtime().db;
	const checked = await checkRespondentScope(db, membership, form.data.role, {
		clientId: form.data.clientId || null,
		assessmentId: form.data.assessmentId || null,
		domains: form.data.domains
	});
	if (!checked.ok) {
		const { field, code } = checked.problem;
		// Domains are an assessment's: domains chosen without one are the domains' problem.
		const domainsWithout = field === 'assessmentId' && code === 'required';
		setError(
			form,
			// An array field's own errors live under `_errors`.
			field === 'domains' || domainsWithout ? 'domains._errors' : field,
			code === 'unknown'
				? m.clients_err_scope_unknown()
				: domainsWithout
					? m.sec_invite_err_assessment_required()
					: m.clients_err_scope_required()
		);
		return fail(400, { inviteForm: form });
	}
	const { token } = await createInvitation(db, actor, {
		orgId: membership.orgId,
		role: form.data.role,
		email: form.data.email,
		language: form.data.language,
		scope: checked.scope,
		origin: event.url.origin
	});
	const link = invitationLink(event.url.origin, token);
	return message(form, { type: 'success', text: m.invite_created(), link });
}
