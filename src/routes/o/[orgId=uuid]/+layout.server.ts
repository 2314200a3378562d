import { requireMembership } from '$lib/server/web/guards/auth';
import { isRestricted } from '$lib/server/auth/scope';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
	const { membership } = await requireMembership(event, event.params.orgId);
	return { org: membership, restricted: isRestricted(membership) };
};
