import { fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import {
	inviteSchema,
	memberRoleSchema,
	memberSchema,
	revokeInviteSchema
} from '$lib/schemas/account';
import { requireMembership } from '$lib/server/auth/guards';
import { listMembers } from '$lib/server/db/queries/organisations';
import { listOpenInvitations, revokeInvitation } from '$lib/server/db/queries/invitations';
import { createInvitation } from '$lib/server/orgs/invitations';
import {
	changeMemberRole,
	removeMember,
	type MemberChangeResult
} from '$lib/server/orgs/organisations';
import { runtime } from '$lib/server/runtime';
import type { FormNotice } from '$lib/forms';
import type { Actions, PageServerLoad } from './$types';

const OWNER = ['owner'] as const;

export const load: PageServerLoad = async (event) => {
	const { membership } = await requireMembership(event, event.params.orgId);
	const db = runtime().db;
	const isOwner = membership.role === 'owner';
	return {
		members: await listMembers(db, membership.orgId),
		invitations: isOwner ? await listOpenInvitations(db, membership.orgId) : [],
		isOwner,
		inviteForm: await superValidate<
			typeof inviteSchema._zod.output,
			FormNotice & { link?: string }
		>(zod4(inviteSchema))
	};
};

function memberChangeFailure(result: Exclude<MemberChangeResult, { ok: true }>) {
	return result.reason === 'last_owner' ? m.err_last_owner() : m.err_member_not_found();
}

export const actions: Actions = {
	invite: async (event) => {
		const { user, membership } = await requireMembership(event, event.params.orgId, OWNER);
		const form = await superValidate<
			typeof inviteSchema._zod.output,
			FormNotice & { link?: string }
		>(event.request, zod4(inviteSchema));
		if (!form.valid) return fail(400, { inviteForm: form });
		const { token } = await createInvitation(runtime().db, {
			orgId: membership.orgId,
			role: form.data.role,
			email: form.data.email || null,
			createdBy: user.id
		});
		const link = `${event.url.origin}/invite/${token}`;
		return message(form, { type: 'success', text: m.invite_created(), link });
	},
	role: async (event) => {
		const { membership } = await requireMembership(event, event.params.orgId, OWNER);
		const form = await superValidate(event.request, zod4(memberRoleSchema));
		if (!form.valid) return fail(400, { roleForm: form });
		const result = await changeMemberRole(
			runtime().db,
			membership.orgId,
			form.data.userId,
			form.data.role
		);
		if (!result.ok) return fail(400, { roleError: memberChangeFailure(result) });
		return { roleChanged: true };
	},
	remove: async (event) => {
		const { membership } = await requireMembership(event, event.params.orgId, OWNER);
		const form = await superValidate(event.request, zod4(memberSchema));
		if (!form.valid) return fail(400, { removeForm: form });
		const result = await removeMember(runtime().db, membership.orgId, form.data.userId);
		if (!result.ok) return fail(400, { roleError: memberChangeFailure(result) });
		return { removed: true };
	},
	revoke: async (event) => {
		const { membership } = await requireMembership(event, event.params.orgId, OWNER);
		const form = await superValidate(event.request, zod4(revokeInviteSchema));
		if (!form.valid) return fail(400, { revokeForm: form });
		await revokeInvitation(runtime().db, membership.orgId, form.data.invitationId);
		return { revoked: true };
	}
};
