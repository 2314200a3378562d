import { requireMembership } from '$lib/server/auth/guards';
import { updateSessionOrg } from '$lib/server/db/queries/sessions';
import { runtime } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { membership, session } = await requireMembership(event, event.params.orgId);
	// Opening an organisation makes it the one the user lands on next time.
	if (session.activeOrgId !== membership.orgId)
		await updateSessionOrg(runtime().db, session.id, membership.orgId);
	return {};
};
