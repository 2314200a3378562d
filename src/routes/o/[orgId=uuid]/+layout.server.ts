import { requireMembership } from '$lib/server/auth/guards';
import { isRestricted } from '$lib/server/auth/scope';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
	const { membership } = await requireMembership(event, event.params.orgId);
	return { org: membership, restricted: isRestricted(membership) };
};
