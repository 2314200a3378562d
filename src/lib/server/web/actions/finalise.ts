import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import type { FormNotice } from '$lib/forms';
import { finaliseSchema } from '$lib/schemas/review';
import { countOpen } from '../../../domain/finalise-guard';
import { openItemsOf } from '../../assessments/finalise';
import { moveAssessment } from '../../assessments/review';
import { REVIEW_ROLES, requireAssessment } from '../guards/assessment';
import { runtime } from '../runtime';
import { findAssessment } from '../../db/queries/assessments';
import { issueFinalReports } from '../../report/issued-report';

type AssessmentEvent = RequestEvent<{ orgId: string; assessmentId: string }>;

export const finaliseForm = () =>
	superValidate<typeof finaliseSchema._zod.output, FormNotice>(zod4(finaliseSchema), {
		id: 'finalise'
	});

/**
 * Finalises an assessment in review. With items still open (unanswered, not reviewed, changes
 * requested) it needs a named owner and a written reason, kept with the assessment for the report
 * and in the audit row; without them it answers 400 naming the field, and nothing moves. Then the
 * summary reports are issued, printing the review comments when the form asks.
 */
export async function finaliseAction(event: AssessmentEvent) {
	const { assessment, membership, actor } = await requireAssessment(
		event,
		event.params.orgId,
		event.params.assessmentId,
		'view'
	);
	if (!REVIEW_ROLES.includes(membership.role)) error(403, 'Forbidden');
	const form = await superValidate<typeof finaliseSchema._zod.output, FormNotice>(
		event.request,
		zod4(finaliseSchema),
		{ id: 'finalise' }
	);
	if (assessment.state !== 'in_review')
		return fail(409, { moveError: m.clients_err_wrong_state(), finaliseForm: form });
	if (!form.valid) return fail(400, { finaliseForm: form });
	const db = runtime().db;
	const open = await openItemsOf(db, assessment);
	const { owner, reason } = form.data;
	if (countOpen(open) > 0 && (!owner || !reason)) {
		if (!owner) setError(form, 'owner', m.teamwork_err_owner_required());
		if (!reason) setError(form, 'reason', m.teamwork_err_reason_required());
		return fail(400, { finaliseForm: form });
	}
	const result = await moveAssessment(db, actor, {
		assessment,
		transition: 'finalise',
		override: countOpen(open) > 0 ? { owner, reason, open } : undefined,
		notify: { origin: event.url.origin }
	});
	if (!result.ok) return fail(409, { moveError: m.clients_err_wrong_state(), finaliseForm: form });
	// The report is kept as issued now (with the review comments when the consultant chose so), not
	// at its first download by a later renderer.
	const final = await findAssessment(db, { orgId: assessment.orgId, id: assessment.id });
	if (final)
		await issueFinalReports(db, actor, {
			assessment: final,
			membership,
			comments: form.data.comments
		});
	return { moved: 'finalise' as const, finaliseForm: form };
}
