import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { requireUser } from '$lib/server/web/guards/auth';
import { rememberActiveOrganisation } from '$lib/server/auth/session';
import { acceptInvitation, findInvitation, invitationState } from '$lib/server/orgs/invitations';
import { runtime } from '$lib/server/web/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const invitation = await findInvitation(runtime().db, params.token);
	if (!invitation) error(404, 'Not found');
	return {
		orgName: invitation.orgName,
		role: invitation.role,
		clientName: invitation.clientName,
		state: invitationState(invitation),
		loggedIn: locals.user !== null
	};
};

export const actions: Actions = {
	accept: async (event) => {
		const { actor, session } = requireUser(event);
		const db = runtime().db;
		const result = await acceptInvitation(db, actor, event.params.token);
		if (!result.ok) {
			if (result.reason === 'not_found') error(404, 'Not found');
			const text = {
				used: m.invite_state_used(),
				expired: m.invite_state_expired(),
				revoked: m.invite_state_revoked(),
				already_member: m.invite_already_member()
			}[result.reason];
			return fail(result.reason === 'already_member' ? 409 : 410, { error: text });
		}
		await rememberActiveOrganisation(db, session, result.orgId);
		redirect(303, `/o/${result.orgId}`);
	}
};
