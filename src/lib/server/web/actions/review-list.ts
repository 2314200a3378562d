import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import type { FormNotice } from '$lib/forms';
import { reviewListSchema } from '$lib/schemas/review';
import type { ReviewDecision } from '../../db/schema';
import { reachesDomain } from '../../auth/scope';
import { acceptItems, reviewItem } from '../../assessments/review';
import { applicableItem, assessmentCorpus } from '../../assessments/service';
import { REVIEW_ROLES } from '../guards/assessment';
import { runtime } from '../runtime';
import { requireAssessmentRole, requireReviewedItem } from './review';

type AssessmentEvent = RequestEvent<{ orgId: string; assessmentId: string }>;

export const reviewListForm = () =>
	superValidate<typeof reviewListSchema._zod.output, FormNotice>(zod4(reviewListSchema), {
		id: 'review-list'
	});

async function readListForm(event: AssessmentEvent) {
	return superValidate<typeof reviewListSchema._zod.output, FormNotice>(
		event.request,
		zod4(reviewListSchema),
		{ id: 'review-list' }
	);
}

/** A decision on one item from the review list, in place: the list's form, the item's button. */
export function decideItemAction(decision: ReviewDecision) {
	return async (event: AssessmentEvent) => {
		const { assessment, membership, actor } = await requireAssessmentRole(event, REVIEW_ROLES);
		const form = await readListForm(event);
		if (!form.valid || !form.data.itemId) return fail(400, { form });
		await requireReviewedItem(membership, assessment, form.data.itemId);
		if (assessment.state === 'final') {
			form.message = { type: 'error', text: m.clients_err_final_locked() };
			return fail(409, { form });
		}
		const reviewed = await reviewItem(runtime().db, actor, {
			assessment,
			itemId: form.data.itemId,
			decision
		});
		if (!reviewed) {
			form.message = { type: 'error', text: m.clients_err_final_locked() };
			return fail(409, { form });
		}
		form.message = {
			type: 'success',
			text:
				decision === 'accepted'
					? m.teamwork_decided_accepted({ item: form.data.itemId })
					: m.teamwork_decided_changes({ item: form.data.itemId })
		};
		return { form };
	};
}

/** Accepts the ticked items; any outside the member's reach or the assessment's scope is 404. */
export async function bulkAcceptAction(event: AssessmentEvent) {
	const { assessment, membership, actor } = await requireAssessmentRole(event, REVIEW_ROLES);
	const form = await readListForm(event);
	if (!form.valid) return fail(400, { form });
	if (form.data.items.length === 0) {
		form.message = { type: 'error', text: m.teamwork_err_choose_items() };
		return fail(400, { form });
	}
	if (assessment.state === 'final') {
		form.message = { type: 'error', text: m.clients_err_final_locked() };
		return fail(409, { form });
	}
	const corpus = await assessmentCorpus(runtime().db, assessment);
	for (const id of form.data.items) {
		const item = applicableItem(corpus, assessment.profile, id);
		if (!item || !reachesDomain(membership, item.domain)) error(404, 'Not found');
	}
	const outcome = await acceptItems(runtime().db, actor, {
		assessment,
		itemIds: [...new Set(form.data.items)]
	});
	if (outcome === 'final') {
		form.message = { type: 'error', text: m.clients_err_final_locked() };
		return fail(409, { form });
	}
	const { accepted, skipped } = outcome;
	form.message = {
		type: 'success',
		text:
			m.teamwork_bulk_accepted({ count: accepted.length }) +
			(skipped.length > 0
				? ` ${m.teamwork_bulk_skipped_unanswered({ items: skipped.join(', ') })}`
				: '')
	};
	form.data.items = [];
	return { form };
}
