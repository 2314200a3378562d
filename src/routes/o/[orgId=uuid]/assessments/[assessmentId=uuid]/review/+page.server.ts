import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { FormNotice } from '$lib/forms';
import { reopenSchema } from '$lib/schemas/review';
import { EDIT_ROLES, REVIEW_ROLES, requireAssessment } from '$lib/server/web/guards/assessment';
import { transitionAction } from '$lib/server/web/actions/review';
import { loadAssessmentView } from '$lib/server/assessments/service';
import { reachesDomain } from '$lib/server/auth/scope';
import { assessmentEvents } from '$lib/server/audit/service';
import { commentCounts, itemReviews } from '$lib/server/assessments/review';
import { runtime } from '$lib/server/web/runtime';
import { finaliseAction, finaliseForm } from '$lib/server/web/actions/finalise';
import { openItemsForConfirmation } from '$lib/server/assessments/finalise';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { assessment, membership } = await requireAssessment(
		event,
		event.params.orgId,
		event.params.assessmentId,
		'view'
	);
	const db = runtime().db;
	const { corpus, evaluation } = await loadAssessmentView(db, assessment);
	const [reviews, comments, events] = await Promise.all([
		itemReviews(db, assessment.id),
		commentCounts(db, assessment.id),
		assessmentEvents(db, assessment)
	]);
	const statusOf = new Map(reviews.map((r) => [r.itemId, r.status]));
	const applicable = new Set(evaluation.result.applicable);
	const items = corpus.items
		.filter((i) => applicable.has(i.id) && reachesDomain(membership, i.domain))
		.map((i) => ({
			id: i.id,
			question: i.question,
			status: statusOf.get(i.id) ?? 'pending',
			comments: comments.get(i.id) ?? 0
		}));
	const role = membership.role;
	const state = assessment.state;
	const mayFinalise = state === 'in_review' && REVIEW_ROLES.includes(role);
	return {
		open: mayFinalise ? await openItemsForConfirmation(db, assessment, membership) : null,
		finaliseForm: await finaliseForm(),
		items,
		events,
		can: {
			submit: state === 'draft' && EDIT_ROLES.includes(role),
			requestChanges: state === 'in_review' && REVIEW_ROLES.includes(role),
			finalise: mayFinalise,
			reopen: state === 'final' && role === 'owner'
		},
		reopenForm: await superValidate<typeof reopenSchema._zod.output, FormNotice>(
			zod4(reopenSchema),
			{ id: 'reopen' }
		)
	};
};

export const actions: Actions = {
	submit: transitionAction('submit'),
	request_changes: transitionAction('request_changes'),
	finalise: finaliseAction,
	reopen: transitionAction('reopen')
};
