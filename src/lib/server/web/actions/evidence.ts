import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import type { FormNotice } from '$lib/forms';
import {
	evidenceRemoveSchema,
	evidenceRequestSchema,
	evidenceReviewSchema
} from '$lib/schemas/evidence';
import { removeEvidenceFile, reviewEvidenceFile } from '../../evidence/files';
import { requestEvidence } from '../../evidence/requests';
import { REVIEW_ROLES, requireAssessment } from '../guards/assessment';
import { requireEvidenceItem } from '../evidence/item';
import { runtime } from '../runtime';

type AssessmentEvent = RequestEvent<{ orgId: string; assessmentId: string }>;

/** A reviewer's assessment, not final: 404 outside their reach, 403 for another role. */
async function requireReviewer(event: AssessmentEvent) {
	const viewer = await requireAssessment(
		event,
		event.params.orgId,
		event.params.assessmentId,
		'view'
	);
	if (!REVIEW_ROLES.includes(viewer.membership.role)) error(403, 'Forbidden');
	return viewer;
}

/** The reviewer accepts a file, or marks it not accepted. */
export async function reviewEvidenceAction(event: AssessmentEvent) {
	const { assessment, membership, actor } = await requireReviewer(event);
	const form = await superValidate(event.request, zod4(evidenceReviewSchema));
	if (!form.valid) return fail(400, { evidenceError: m.err_invalid() });
	await requireEvidenceItem(membership, assessment, form.data.itemId);
	if (assessment.state === 'final')
		return fail(409, { evidenceError: m.clients_err_final_locked() });
	const done = await reviewEvidenceFile(runtime().db, actor, {
		assessment,
		itemId: form.data.itemId,
		fileId: form.data.fileId,
		status: form.data.status,
		notify: { origin: event.url.origin }
	});
	if (done === 'not_found') error(404, 'Not found');
	if (done === 'final') return fail(409, { evidenceError: m.clients_err_final_locked() });
	return {
		evidenceNotice:
			form.data.status === 'accepted'
				? m.evidence_reviewed_accepted()
				: m.evidence_reviewed_rejected()
	};
}

/** Whoever may edit the answer removes one version of a file. */
export async function removeEvidenceAction(event: AssessmentEvent) {
	const { assessment, membership, actor } = await requireAssessment(
		event,
		event.params.orgId,
		event.params.assessmentId,
		'edit'
	);
	const form = await superValidate(event.request, zod4(evidenceRemoveSchema));
	if (!form.valid) return fail(400, { evidenceError: m.err_invalid() });
	await requireEvidenceItem(membership, assessment, form.data.itemId);
	const done = await removeEvidenceFile(runtime().db, actor, {
		assessment,
		itemId: form.data.itemId,
		fileId: form.data.fileId,
		reviewer: REVIEW_ROLES.includes(membership.role)
	});
	if (done === 'not_found') error(404, 'Not found');
	if (done === 'final') return fail(409, { evidenceError: m.clients_err_final_locked() });
	if (done === 'accepted') return fail(409, { evidenceError: m.harden_evidence_accepted_locked() });
	return { evidenceNotice: m.evidence_removed() };
}

/** A reviewer asks for specific evidence on the item, optionally by a date. */
export async function requestEvidenceAction(event: AssessmentEvent) {
	const { assessment, membership, actor } = await requireReviewer(event);
	const form = await superValidate<typeof evidenceRequestSchema._zod.output, FormNotice>(
		event.request,
		zod4(evidenceRequestSchema),
		{ id: 'evidence-request' }
	);
	if (!form.valid) return fail(400, { requestForm: form });
	await requireEvidenceItem(membership, assessment, form.data.itemId);
	if (assessment.state === 'final')
		return fail(409, { evidenceError: m.clients_err_final_locked() });
	await requestEvidence(runtime().db, actor, {
		assessment,
		itemId: form.data.itemId,
		description: form.data.description,
		dueOn: form.data.dueOn || null,
		notify: { origin: event.url.origin }
	});
	form.data.description = '';
	form.data.dueOn = '';
	form.message = { type: 'success', text: m.evidence_request_sent() };
	return { requestForm: form };
}
