import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { requireUser } from '$lib/server/web/guards/auth';
import { rememberActiveOrganisation } from '$lib/server/auth/session';
import {
	acceptInvitation,
	acceptRefusal,
	findInvitation,
	invitationState
} from '$lib/server/orgs/invitations';
import { runtime } from '$lib/server/web/runtime';
import type { Actions, PageServerLoad } from './$types';

/** The invited address as the link shows it to whoever holds it: enough to recognise, not to read. */
function maskEmail(email: string | null): string {
	if (!email) return '';
	const [local = '', domain = ''] = email.split('@');
	return `${local.slice(0, 1)}***@${domain}`;
}

const gone = {
	used: () => m.invite_state_used(),
	expired: () => m.invite_state_expired(),
	revoked: () => m.invite_state_revoked()
};

export const load: PageServerLoad = async ({ params, locals }) => {
	const invitation = await findInvitation(runtime().db, params.token);
	if (!invitation) error(404, 'Not found');
	const state = invitationState(invitation);
	// A used, expired or revoked link (a removed member's included) is gone for good: 410.
	if (state !== 'open') error(410, gone[state]());
	const refusal = locals.user ? acceptRefusal(invitation, locals.user) : null;
	return {
		orgName: invitation.orgName,
		role: invitation.role,
		clientName: invitation.clientName,
		email: maskEmail(invitation.email),
		refusal,
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
			if (result.reason === 'wrong_email' || result.reason === 'unverified') {
				const email = maskEmail((await findInvitation(db, event.params.token))?.email ?? null);
				const text =
					result.reason === 'wrong_email'
						? m.access_invite_wrong_email({ email })
						: m.access_invite_unverified({ email });
				return fail(403, { error: text });
			}
			if (result.reason === 'already_member')
				return fail(409, { error: m.invite_already_member() });
			return fail(410, { error: gone[result.reason]() });
		}
		await rememberActiveOrganisation(db, session, result.orgId);
		redirect(303, `/o/${result.orgId}`);
	}
};
