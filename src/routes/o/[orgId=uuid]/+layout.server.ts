import { requireMembership } from '$lib/server/web/guards/auth';
import { isRestricted } from '$lib/server/auth/scope';
import { clientFraming } from '$lib/server/orgs/branding';
import { runtime } from '$lib/server/web/runtime';
import { unreadNotifications } from '$lib/server/notifications/service';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
	const { membership, user } = await requireMembership(event, event.params.orgId);
	return {
		unread: await unreadNotifications(runtime().db, { userId: user.id, orgId: membership.orgId }),
		org: membership,
		restricted: isRestricted(membership),
		framing: await clientFraming(runtime().db, membership)
	};
};
