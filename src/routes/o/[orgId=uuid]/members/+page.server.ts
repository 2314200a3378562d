import { fail } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import {
	memberRoleSchema,
	memberSchema,
	resendInviteSchema,
	revokeInviteSchema
} from '$lib/schemas/account';
import { requireOrgWide } from '$lib/server/web/guards/auth';
import { clientChoices } from '$lib/server/clients/service';
import {
	acceptedInvitations,
	invitationLink,
	openInvitations,
	resendInvitation,
	revokeInvitation
} from '$lib/server/orgs/invitations';
import { inviteAction, inviteForm } from '$lib/server/web/actions/invite';
import {
	changeMemberRole,
	membersOf,
	removeMember,
	type MemberChangeResult
} from '$lib/server/orgs/organisations';
import { runtime } from '$lib/server/web/runtime';
import { memberTwoFactorSchema } from '$lib/schemas/security';
import { membersWithTwoFactor } from '$lib/server/auth/org-policy';
import { resetMemberTwoFactor } from '$lib/server/auth/two-factor';
import type { Actions, PageServerLoad } from './$types';

const OWNER = ['owner'] as const;

export const load: PageServerLoad = async (event) => {
	const { membership } = await requireOrgWide(event, event.params.orgId);
	const db = runtime().db;
	const isOwner = membership.role === 'owner';
	return {
		members: await membersOf(db, membership.orgId),
		invitations: isOwner ? await openInvitations(db, membership.orgId) : [],
		accepted: isOwner ? await acceptedInvitations(db, membership.orgId) : [],
		clients: isOwner ? await clientChoices(db, membership.orgId) : [],
		isOwner,
		inviteForm: await inviteForm(),
		// Who has a second factor (owners see it, and may reset it for a member who lost theirs).
		twoFactor: isOwner ? [...(await membersWithTwoFactor(db, membership.orgId))] : []
	};
};

function memberChangeFailure(result: Exclude<MemberChangeResult, { ok: true }>) {
	return result.reason === 'last_owner' ? m.err_last_owner() : m.err_member_not_found();
}

export const actions: Actions = {
	invite: (event) => inviteAction(event, { roles: OWNER }),
	role: async (event) => {
		const { actor, membership } = await requireOrgWide(event, event.params.orgId, OWNER);
		const form = await superValidate(event.request, zod4(memberRoleSchema));
		if (!form.valid) return fail(400, { roleForm: form });
		const result = await changeMemberRole(runtime().db, actor, {
			orgId: membership.orgId,
			userId: form.data.userId,
			role: form.data.role
		});
		if (!result.ok) return fail(400, { roleError: memberChangeFailure(result) });
		return { roleChanged: true };
	},
	remove: async (event) => {
		const { actor, membership } = await requireOrgWide(event, event.params.orgId, OWNER);
		const form = await superValidate(event.request, zod4(memberSchema));
		if (!form.valid) return fail(400, { removeForm: form });
		const result = await removeMember(runtime().db, actor, {
			orgId: membership.orgId,
			userId: form.data.userId
		});
		if (!result.ok) return fail(400, { roleError: memberChangeFailure(result) });
		return { removed: true };
	},
	resetTwoFactor: async (event) => {
		const { actor, membership } = await requireOrgWide(event, event.params.orgId, OWNER);
		const form = await superValidate(event.request, zod4(memberTwoFactorSchema));
		if (!form.valid) return fail(400, { twoFactorForm: form });
		const done = await resetMemberTwoFactor(runtime().db, actor, {
			orgId: membership.orgId,
			userId: form.data.memberId
		});
		if (done === 'not_member') return fail(400, { roleError: m.err_member_not_found() });
		if (done === 'other_organisations')
			return fail(409, { roleError: m.member_two_factor_reset_other_orgs() });
		return { twoFactorReset: true };
	},
	revoke: async (event) => {
		const { actor, membership } = await requireOrgWide(event, event.params.orgId, OWNER);
		const form = await superValidate(event.request, zod4(revokeInviteSchema));
		if (!form.valid) return fail(400, { revokeForm: form });
		await revokeInvitation(runtime().db, actor, {
			orgId: membership.orgId,
			invitationId: form.data.invitationId
		});
		return { revoked: true };
	},
	/** A new link (the old one stops working), valid for another 7 days. */
	resend: async (event) => {
		const { actor, membership } = await requireOrgWide(event, event.params.orgId, OWNER);
		const form = await superValidate(event.request, zod4(resendInviteSchema));
		if (!form.valid) return fail(400, { resendForm: form });
		const resent = await resendInvitation(runtime().db, actor, {
			orgId: membership.orgId,
			invitationId: form.data.invitationId,
			origin: event.url.origin
		});
		if (!resent) return fail(404, { roleError: m.access_invite_gone() });
		return { resentLink: invitationLink(event.url.origin, resent.token) };
	}
};
