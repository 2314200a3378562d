import { error } from '@sveltejs/kit';
import { requireAssessment } from '$lib/server/web/guards/assessment';
import { assessmentActivity } from '$lib/server/notifications/service';
import { runtime } from '$lib/server/web/runtime';
import { activityPageSchema } from '$lib/schemas/notifications';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

/**
 * Who did what to the assessment, and when: everyone who reaches it (a respondent: their items).
 * One page at a time, newest first; `?before=<entry>` is the page after that entry (a plain link).
 */
export const load: PageServerLoad = async (event) => {
	const { assessment, membership } = await requireAssessment(
		event,
		event.params.orgId,
		event.params.assessmentId,
		'view'
	);
	const parsed = activityPageSchema.safeParse(Object.fromEntries(event.url.searchParams));
	if (!parsed.success) error(400, m.notify2_err_before());
	const before = parsed.data.before ?? null;
	const { entries, older } = await assessmentActivity(runtime().db, membership, assessment, {
		before
	});
	return { activity: entries, older, paged: before !== null };
};
