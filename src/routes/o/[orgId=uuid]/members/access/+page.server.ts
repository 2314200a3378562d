import { requireOrgWide } from '$lib/server/web/guards/auth';
import { accessReview } from '$lib/server/orgs/access-review';
import { runtime } from '$lib/server/web/runtime';
import type { PageServerLoad } from './$types';

/** The owner's access review: one page of who can get in, and how. */
export const load: PageServerLoad = async (event) => {
	const { membership } = await requireOrgWide(event, event.params.orgId, ['owner']);
	return { review: await accessReview(runtime().db, membership.orgId) };
};
