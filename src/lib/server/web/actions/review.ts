import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { FormNotice } from '$lib/forms';
import { commentSchema, itemReviewSchema, reopenSchema } from '$lib/schemas/review';
import type { Role } from '../../db/schema';
import { findAssessment, type AssessmentRecord } from '../../db/queries/assessments';
import { issueFinalReports } from '../../report/issued-report';
import type { Membership } from '../../db/queries/organisations';
import { runtime } from '../runtime';
import {
	EDIT_ROLES,
	REVIEW_ROLES,
	requireAssessment,
	requireItemInReach
} from '../guards/assessment';
import {
	addReviewComment,
	moveAssessment,
	reviewItem,
	submitPart,
	type Transition
} from '../../assessments/review';
import { reachOf } from '../../auth/scope';
import { domainsInScope } from '../../assessments/parts';
import { applicableItem, assessmentCorpus } from '../../assessments/service';

type AssessmentEvent = RequestEvent<{ orgId: string; assessmentId: string }>;

/** The assessment, for a member with one of `roles`: 404 outside their reach, 403 for the role. */
export async function requireAssessmentRole(event: AssessmentEvent, roles: readonly Role[]) {
	const viewer = await requireAssessment(
		event,
		event.params.orgId,
		event.params.assessmentId,
		'view'
	);
	if (!roles.includes(viewer.membership.role)) error(403, 'Forbidden');
	return viewer;
}

/** The item if the assessment's profile scopes it in and the member reaches its domain. */
export async function requireReviewedItem(
	membership: Membership,
	assessment: AssessmentRecord,
	itemId: string
) {
	const corpus = await assessmentCorpus(runtime().db, assessment);
	const item = applicableItem(corpus, assessment.profile, itemId);
	if (!item) error(404, 'Not found');
	requireItemInReach(membership, item);
	return item;
}

/** Anyone who answers or reviews may add to an item's thread. */
export async function commentAction(event: AssessmentEvent) {
	const { assessment, membership, actor } = await requireAssessmentRole(event, EDIT_ROLES);
	const form = await superValidate<typeof commentSchema._zod.output, FormNotice>(
		event.request,
		zod4(commentSchema),
		{ id: 'comment' }
	);
	if (!form.valid) return fail(400, { commentForm: form });
	await requireReviewedItem(membership, assessment, form.data.itemId);
	const added = await addReviewComment(runtime().db, actor, {
		assessment,
		itemId: form.data.itemId,
		body: form.data.body,
		notify: { origin: event.url.origin }
	});
	if (!added.ok) {
		form.message = { type: 'error', text: m.harden_comment_final_locked() };
		return fail(409, { commentForm: form });
	}
	form.data.body = '';
	form.message = {
		type: 'success',
		text:
			added.notified === null
				? m.clients_comment_added()
				: added.notified.length === 0
					? m.notify2_comment_notified_nobody()
					: m.notify2_comment_notified({
							names: new Intl.ListFormat(getLocale()).format(added.notified)
						})
	};
	// Not under `form`: the item page hands `form` to the answer's form.
	return { commentForm: form };
}

export async function reviewItemAction(event: AssessmentEvent) {
	const { assessment, membership, actor } = await requireAssessmentRole(event, REVIEW_ROLES);
	const form = await superValidate(event.request, zod4(itemReviewSchema));
	if (!form.valid) return fail(400, { reviewError: m.err_invalid() });
	await requireReviewedItem(membership, assessment, form.data.itemId);
	if (assessment.state === 'final') return fail(409, { reviewError: m.clients_err_final_locked() });
	const reviewed = await reviewItem(runtime().db, actor, {
		assessment,
		itemId: form.data.itemId,
		decision: form.data.decision
	});
	if (!reviewed) return fail(409, { reviewError: m.clients_err_final_locked() });
	return { reviewed: form.data.decision };
}

/** Who may make each move: respondents submit; reviewers send back and finalise; owners re-open. */
const MOVE_ROLES: Record<Transition, readonly Role[]> = {
	submit: EDIT_ROLES,
	request_changes: REVIEW_ROLES,
	finalise: REVIEW_ROLES,
	reopen: ['owner']
};

export function transitionAction(transition: Transition) {
	return async (event: AssessmentEvent) => {
		const { assessment, actor, membership } = await requireAssessmentRole(
			event,
			MOVE_ROLES[transition]
		);
		const limitedTo = reachOf(membership)?.domains ?? null;
		if (transition === 'submit' && limitedTo) {
			// A respondent of some domains submits their part; the last part sends it to review.
			const scope = await domainsInScope(runtime().db, assessment);
			const result = await submitPart(runtime().db, actor, {
				assessment,
				domains: limitedTo.filter((d) => scope.includes(d)),
				scope,
				notify: { origin: event.url.origin }
			});
			if (!result.ok) return fail(409, { moveError: m.clients_err_wrong_state() });
			return { moved: result.complete ? ('submit' as const) : ('part' as const) };
		}
		let reason: string | undefined;
		if (transition === 'reopen') {
			const form = await superValidate<typeof reopenSchema._zod.output, FormNotice>(
				event.request,
				zod4(reopenSchema),
				{ id: 'reopen' }
			);
			if (!form.valid) return fail(400, { reopenForm: form });
			reason = form.data.reason;
		}
		const result = await moveAssessment(runtime().db, actor, {
			assessment,
			transition,
			reason,
			notify: { origin: event.url.origin }
		});
		if (!result.ok) return fail(409, { moveError: m.clients_err_wrong_state() });
		// The report is kept as issued now, not at its first download (by a later renderer).
		if (transition === 'finalise') {
			const final = await findAssessment(runtime().db, {
				orgId: assessment.orgId,
				id: assessment.id
			});
			if (final) await issueFinalReports(runtime().db, actor, { assessment: final, membership });
		}
		return { moved: transition };
	};
}
