import type { Database } from '../db/connection';
import { findAnswer } from '../db/queries/answers';
import { updateAssessmentState, type AssessmentRecord } from '../db/queries/assessments';
import { audited, type Actor } from '../db/audited';
import {
	countCommentsByItem,
	insertReviewComment,
	listItemReviews,
	listReviewComments,
	upsertItemReview,
	type ItemReview
} from '../db/queries/reviews';
import type { AssessmentState, ReviewDecision } from '../db/schema';
import { freezeFirmIdentity, unfreezeFirmIdentity } from '../identity/service';
import { supersedeIssuedReports } from '../db/queries/issued-reports';

/** The moves between states, each with the state it starts from and the one it leads to. */
export const TRANSITIONS = {
	submit: { from: 'draft', to: 'in_review' },
	request_changes: { from: 'in_review', to: 'draft' },
	finalise: { from: 'in_review', to: 'final' },
	reopen: { from: 'final', to: 'draft' }
} as const satisfies Record<string, { from: AssessmentState; to: AssessmentState }>;

export type Transition = keyof typeof TRANSITIONS;

export type TransitionResult = { ok: true } | { ok: false; reason: 'wrong_state' };

/**
 * Moves the assessment if it is still in the state the move starts from (two reviewers racing:
 * the second is refused). Audited as `assessment.<transition>`, with the reason when one is given.
 * Finalising freezes a copy of the firm's identity on the assessment, so the signed report keeps
 * the name it was signed with; re-opening drops the copy and the draft reads the record again.
 */
export async function moveAssessment(
	db: Database,
	actor: Actor,
	input: {
		assessment: AssessmentRecord;
		transition: Transition;
		reason?: string;
	}
): Promise<TransitionResult> {
	const { assessment, transition } = input;
	const { from, to } = TRANSITIONS[transition];
	return audited(db, actor, async (tx): Promise<TransitionResult> => {
		const moved = await updateAssessmentState(
			tx,
			{ orgId: assessment.orgId, id: assessment.id },
			from,
			to
		);
		if (!moved) return { ok: false, reason: 'wrong_state' };
		const frozen = to === 'final' ? await freezeFirmIdentity(tx, assessment) : null;
		if (from === 'final') {
			await unfreezeFirmIdentity(tx, assessment);
			// The issued reports stay on record; the draft's are rendered afresh.
			await supersedeIssuedReports(tx, { orgId: assessment.orgId, assessmentId: assessment.id });
		}
		tx.record({
			action: `assessment.${transition}`,
			orgId: assessment.orgId,
			entity: { type: 'assessment', id: assessment.id },
			assessmentId: assessment.id,
			before: { state: from },
			after: {
				state: to,
				...(input.reason ? { reason: input.reason } : {}),
				...(frozen
					? {
							identity: {
								registeredName: frozen.registeredName,
								businessScope: frozen.businessScope,
								name: frozen.name
							}
						}
					: {})
			}
		});
		return { ok: true };
	});
}

/** Accepts an item or requests changes to it, on the answer as it stands now. */
export async function reviewItem(
	db: Database,
	actor: Actor & { userId: string },
	input: {
		assessment: AssessmentRecord;
		itemId: string;
		decision: ReviewDecision;
	}
): Promise<void> {
	const { assessment, itemId } = input;
	await audited(db, actor, async (tx) => {
		const answer = await findAnswer(tx.db, assessment.id, itemId);
		await upsertItemReview(tx, {
			assessmentId: assessment.id,
			itemId,
			decision: input.decision,
			answerVersion: answer?.version ?? 0,
			reviewerId: actor.userId
		});
		tx.record({
			action: 'item.reviewed',
			orgId: assessment.orgId,
			entity: { type: 'item', id: `${assessment.id}/${itemId}` },
			assessmentId: assessment.id,
			itemId,
			after: { decision: input.decision, answerVersion: answer?.version ?? 0 }
		});
	});
}

export async function addReviewComment(
	db: Database,
	actor: Actor & { userId: string },
	input: { assessment: AssessmentRecord; itemId: string; body: string }
): Promise<void> {
	const { assessment, itemId } = input;
	await audited(db, actor, async (tx) => {
		const id = crypto.randomUUID();
		await insertReviewComment(tx, {
			id,
			assessmentId: assessment.id,
			itemId,
			authorId: actor.userId,
			body: input.body
		});
		tx.record({
			action: 'item.commented',
			orgId: assessment.orgId,
			entity: { type: 'comment', id },
			assessmentId: assessment.id,
			itemId,
			after: { body: input.body }
		});
	});
}

/** Each item's review status (accepted, changes requested) on the assessment. */
export function itemReviews(db: Database, assessmentId: string): Promise<ItemReview[]> {
	return listItemReviews(db, assessmentId);
}

/** How many comments each item's thread has. */
export function commentCounts(db: Database, assessmentId: string): Promise<Map<string, number>> {
	return countCommentsByItem(db, assessmentId);
}

/** One item's comment thread, oldest first. */
export function itemComments(db: Database, assessmentId: string, itemId: string) {
	return listReviewComments(db, { assessmentId, itemId });
}
