import { requireMembership } from '$lib/server/auth/guards';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
	const { membership } = await requireMembership(event, event.params.orgId);
	return { org: membership };
};
