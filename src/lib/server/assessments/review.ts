import type { Database } from '../db/connection';
import { findAnswer } from '../db/queries/answers';
import { updateAssessmentState, type AssessmentRecord } from '../db/queries/assessments';
import { insertAuditEntry } from '../db/queries/audit-log';
import { insertReviewComment, upsertItemReview } from '../db/queries/reviews';
import type { AssessmentState, ReviewDecision } from '../db/schema';
import { freezeFirmIdentity, unfreezeFirmIdentity } from '../identity/service';

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
	input: {
		assessment: AssessmentRecord;
		transition: Transition;
		actorId: string;
		reason?: string;
	}
): Promise<TransitionResult> {
	const { assessment, transition } = input;
	const { from, to } = TRANSITIONS[transition];
	return db.transaction().execute(async (tx) => {
		const moved = await updateAssessmentState(
			tx,
			{ orgId: assessment.orgId, id: assessment.id },
			from,
			to
		);
		if (!moved) return { ok: false, reason: 'wrong_state' };
		const frozen = to === 'final' ? await freezeFirmIdentity(tx, assessment) : null;
		if (from === 'final') await unfreezeFirmIdentity(tx, assessment);
		await insertAuditEntry(tx, {
			orgId: assessment.orgId,
			assessmentId: assessment.id,
			itemId: null,
			actorId: input.actorId,
			action: `assessment.${transition}`,
			oldValue: { state: from },
			newValue: {
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
	input: {
		assessment: AssessmentRecord;
		itemId: string;
		decision: ReviewDecision;
		actorId: string;
	}
): Promise<void> {
	const { assessment, itemId } = input;
	await db.transaction().execute(async (tx) => {
		const answer = await findAnswer(tx, assessment.id, itemId);
		await upsertItemReview(tx, {
			assessmentId: assessment.id,
			itemId,
			decision: input.decision,
			answerVersion: answer?.version ?? 0,
			reviewerId: input.actorId
		});
		await insertAuditEntry(tx, {
			orgId: assessment.orgId,
			assessmentId: assessment.id,
			itemId,
			actorId: input.actorId,
			action: 'item.reviewed',
			oldValue: null,
			newValue: { decision: input.decision, answerVersion: answer?.version ?? 0 }
		});
	});
}

export async function addReviewComment(
	db: Database,
	input: { assessment: AssessmentRecord; itemId: string; body: string; actorId: string }
): Promise<void> {
	const { assessment, itemId } = input;
	await db.transaction().execute(async (tx) => {
		await insertReviewComment(tx, {
			id: crypto.randomUUID(),
			assessmentId: assessment.id,
			itemId,
			authorId: input.actorId,
			body: input.body
		});
		await insertAuditEntry(tx, {
			orgId: assessment.orgId,
			assessmentId: assessment.id,
			itemId,
			actorId: input.actorId,
			action: 'item.commented',
			oldValue: null,
			newValue: { body: input.body }
		});
	});
}
