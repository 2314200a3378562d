import { error } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { FormNotice } from '$lib/forms';
import { commentSchema } from '$lib/schemas/review';
import { evidenceRequestSchema } from '$lib/schemas/evidence';
import {
	removeEvidenceAction,
	requestEvidenceAction,
	reviewEvidenceAction
} from '$lib/server/web/actions/evidence';
import { itemEvidenceFiles } from '$lib/server/evidence/files';
import { itemEvidenceRequests } from '$lib/server/evidence/requests';
import { evidenceSizeLimit, todayInShanghai } from '$lib/server/web/evidence/receive';
import {
	requireAssessment,
	canEdit,
	canReview,
	requireItemInReach
} from '$lib/server/web/guards/assessment';
import { saveAnswerAction } from '$lib/server/web/actions/answer';
import { confirmCarriedOverAction } from '$lib/server/web/actions/carry-over';
import { itemCard, itemReference } from '$lib/domain/item-view';
import { commentAction, reviewItemAction } from '$lib/server/web/actions/review';
import { applicableItem, assessmentCorpus, savedAnswer } from '$lib/server/assessments/service';
import { itemComments, itemReviews } from '$lib/server/assessments/review';
import { answerHistory } from '$lib/server/audit/service';
import { runtime } from '$lib/server/web/runtime';
import { getLocale } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';
import { MAX_FILES_PER_UPLOAD, uploadTotalLimit } from '$lib/server/web/evidence/upload';

export const load: PageServerLoad = async (event) => {
	const { assessment, membership } = await requireAssessment(
		event,
		event.params.orgId,
		event.params.assessmentId,
		'view'
	);
	const db = runtime().db;
	const corpus = await assessmentCorpus(db, assessment);
	const item = applicableItem(corpus, assessment.profile, event.params.itemId);
	if (!item) error(404, 'Not found');
	requireItemInReach(membership, item);
	const saved = await savedAnswer(db, assessment, item.id);
	const [history, reviews, comments, evidenceFiles, evidenceRequests] = await Promise.all([
		answerHistory(db, assessment, item.id),
		itemReviews(db, assessment.id),
		itemComments(db, assessment.id, item.id),
		itemEvidenceFiles(db, assessment, item.id),
		itemEvidenceRequests(db, assessment, item.id)
	]);
	const review = reviews.find((r) => r.itemId === item.id);
	return {
		item: itemCard(item, getLocale()),
		reference: itemReference(corpus, item),
		saved,
		history,
		review: {
			status: review?.status ?? 'pending',
			reviewerName: review?.reviewerName ?? null,
			reviewedAt: review?.reviewedAt ?? null
		},
		comments,
		commentForm: await superValidate<typeof commentSchema._zod.output, FormNotice>(
			{ itemId: item.id, body: '' },
			zod4(commentSchema),
			{ id: 'comment', errors: false }
		),
		evidence: {
			base: `/o/${assessment.orgId}/assessments/${assessment.id}`,
			files: evidenceFiles.map(({ blobId: _blob, orgId: _org, ...file }) => file),
			requests: evidenceRequests,
			today: todayInShanghai(),
			limitMb: Math.floor(evidenceSizeLimit / 1024 ** 2),
			totalMb: Math.floor(uploadTotalLimit(evidenceSizeLimit) / 1024 ** 2),
			maxFiles: MAX_FILES_PER_UPLOAD,
			uploaded: event.url.searchParams.get('evidence') === 'uploaded'
		},
		requestForm: await superValidate<typeof evidenceRequestSchema._zod.output, FormNotice>(
			{ itemId: item.id, description: '', dueOn: '' },
			zod4(evidenceRequestSchema),
			{ id: 'evidence-request', errors: false }
		),
		canEdit: canEdit(membership, assessment),
		// A final assessment is closed to comments, as to answers (re-opening it re-opens the thread).
		canComment:
			assessment.state !== 'final' && (canEdit(membership, assessment) || canReview(membership)),
		canReviewItem: canReview(membership) && assessment.state !== 'final'
	};
};

export const actions: Actions = {
	save: saveAnswerAction,
	confirm: confirmCarriedOverAction,
	comment: commentAction,
	review: reviewItemAction,
	reviewEvidence: reviewEvidenceAction,
	removeEvidence: removeEvidenceAction,
	requestEvidence: requestEvidenceAction
};
