import { error } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { FormNotice } from '$lib/forms';
import { reopenSchema } from '$lib/schemas/review';
import { parseReviewFilters } from '$lib/domain/review-filter';
import { EDIT_ROLES, REVIEW_ROLES, requireAssessment } from '$lib/server/web/guards/assessment';
import { transitionAction } from '$lib/server/web/actions/review';
import { finaliseAction, finaliseForm } from '$lib/server/web/actions/finalise';
import {
	bulkAcceptAction,
	decideItemAction,
	reviewListForm
} from '$lib/server/web/actions/review-list';
import { openItemsForConfirmation } from '$lib/server/assessments/finalise';
import { loadReviewWorkspace } from '$lib/server/assessments/review-workspace';
import { partsOf } from '$lib/server/assessments/parts';
import { reachOf } from '$lib/server/auth/scope';
import { assessmentEvents } from '$lib/server/audit/service';
import { runtime } from '$lib/server/web/runtime';
import { loadConsultantVoice } from '$lib/server/voice/consultant-voice';
import { canWriteVoice } from '$lib/server/web/actions/consultant-voice';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { assessment, membership, user } = await requireAssessment(
		event,
		event.params.orgId,
		event.params.assessmentId,
		'view'
	);
	const db = runtime().db;
	const requested = event.url.searchParams.get('domain');
	const domain = requested === null || requested === 'all' ? null : requested;
	const filters = parseReviewFilters(event.url.searchParams);
	const [workspace, events] = await Promise.all([
		loadReviewWorkspace(db, { assessment, membership, viewerId: user.id, domain, filters }),
		assessmentEvents(db, assessment)
	]);
	if (domain !== null && !workspace.domains.some((d) => d.id === domain)) error(404, 'Not found');
	const role = membership.role;
	const state = assessment.state;
	const mayFinalise = state === 'in_review' && REVIEW_ROLES.includes(role);
	return {
		...workspace,
		domain,
		filters,
		events,
		parts: await partsOf(db, assessment, membership),
		submitsPart: (reachOf(membership)?.domains ?? null) !== null,
		open: mayFinalise ? await openItemsForConfirmation(db, assessment, membership) : null,
		finaliseForm: await finaliseForm(),
		// The consultant's words, for those who write them: what finalising freezes with the report.
		voice: REVIEW_ROLES.includes(role) ? await loadConsultantVoice(db, assessment.id) : null,
		canWriteVoice: canWriteVoice(membership, assessment),
		listForm: await reviewListForm(),
		can: {
			submit: state === 'draft' && EDIT_ROLES.includes(role),
			requestChanges: state === 'in_review' && REVIEW_ROLES.includes(role),
			finalise: mayFinalise,
			reopen: state === 'final' && role === 'owner',
			decide: state !== 'final' && REVIEW_ROLES.includes(role)
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
	reopen: transitionAction('reopen'),
	accept_item: decideItemAction('accepted'),
	flag_item: decideItemAction('changes_requested'),
	accept_chosen: bulkAcceptAction
};
