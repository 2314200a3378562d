import { requireComparison } from '$lib/server/web/guards/comparison';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	comparison: await requireComparison(event),
	csvHref: `${event.url.pathname}/compare.csv`
});
