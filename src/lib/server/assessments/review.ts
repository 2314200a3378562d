import type { Database } from '../db/connection';
import { findAnswer, listAnswers } from '../db/queries/answers';
import {
	lockOpenAssessment,
	updateAssessmentState,
	type AssessmentRecord
} from '../db/queries/assessments';
import { audited, type Actor, type AuditedTx } from '../db/audited';
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
import type { OpenItems } from '../../domain/finalise-guard';
import { deleteFinaliseOverride, insertFinaliseOverride } from '../db/queries/finalise-overrides';
import { notifyAssessmentMove } from '../notifications/assessment-moves';
import { notifyMentions, type NotifyOptions } from '../notifications/notify';
import {
	deleteSubmittedParts,
	insertSubmittedParts,
	listSubmittedParts
} from '../db/queries/assessment-parts';
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
		/** Finalising over open items: who answers for them, and why (see finalise.ts). */
		override?: { owner: string; reason: string; open: OpenItems };
		/** Mail those concerned, with links to this origin (the web passes it; the demo does not). */
		notify?: { origin: string };
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
		// Back to draft: every part is submitted again.
		if (to === 'draft') await deleteSubmittedParts(tx, assessment.id);
		if (from === 'final') {
			await unfreezeFirmIdentity(tx, assessment);
			await deleteFinaliseOverride(tx, assessment.id);
			// The issued reports stay on record; the draft's are rendered afresh.
			await supersedeIssuedReports(tx, { orgId: assessment.orgId, assessmentId: assessment.id });
		}
		const override = to === 'final' ? input.override : undefined;
		if (override)
			await insertFinaliseOverride(tx, {
				assessmentId: assessment.id,
				...override,
				by: actor.userId
			});
		tx.record({
			action: `assessment.${transition}`,
			orgId: assessment.orgId,
			entity: { type: 'assessment', id: assessment.id },
			assessmentId: assessment.id,
			before: { state: from },
			after: {
				state: to,
				...(input.reason ? { reason: input.reason } : {}),
				...(override ? { override } : {}),
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
		if (input.notify)
			await notifyAssessmentMove(tx, { assessment, transition, origin: input.notify.origin });
		return { ok: true };
	});
}

export type PartResult =
	{ ok: true; complete: boolean } | { ok: false; reason: 'wrong_state' | 'nothing_to_submit' };

/**
 * A respondent limited to some domains submits their part (`domains`, those of theirs in scope).
 * When every domain in scope (`scope`) is then submitted, the assessment moves to review in the
 * same transaction, as a whole submission would, and those concerned are told. Until then it stays
 * a draft, and reviewers may already review the parts submitted.
 */
export async function submitPart(
	db: Database,
	actor: Actor,
	input: {
		assessment: AssessmentRecord;
		domains: string[];
		scope: string[];
		notify?: { origin: string };
	}
): Promise<PartResult> {
	const { assessment } = input;
	if (input.domains.length === 0) return { ok: false, reason: 'nothing_to_submit' };
	if (assessment.state !== 'draft') return { ok: false, reason: 'wrong_state' };
	return audited(db, actor, async (tx): Promise<PartResult> => {
		await insertSubmittedParts(tx, {
			assessmentId: assessment.id,
			domains: input.domains,
			by: actor.userId
		});
		tx.record({
			action: 'assessment.part_submitted',
			orgId: assessment.orgId,
			entity: { type: 'assessment', id: assessment.id },
			assessmentId: assessment.id,
			after: { domains: input.domains }
		});
		const submitted = new Set(
			(await listSubmittedParts(tx.db, assessment.id)).map((p) => p.domain)
		);
		if (!input.scope.every((d) => submitted.has(d))) return { ok: true, complete: false };
		const moved = await updateAssessmentState(
			tx,
			{ orgId: assessment.orgId, id: assessment.id },
			'draft',
			'in_review'
		);
		if (!moved) return { ok: true, complete: false };
		tx.record({
			action: 'assessment.submit',
			orgId: assessment.orgId,
			entity: { type: 'assessment', id: assessment.id },
			assessmentId: assessment.id,
			before: { state: 'draft' },
			after: { state: 'in_review', parts: [...submitted].sort() }
		});
		if (input.notify)
			await notifyAssessmentMove(tx, {
				assessment,
				transition: 'submit',
				origin: input.notify.origin
			});
		return { ok: true, complete: true };
	});
}

/** The parts submitted so far, by domain. */
export function submittedParts(db: Database, assessmentId: string) {
	return listSubmittedParts(db, assessmentId);
}

/**
 * Accepts an item or requests changes to it, on the answer as it stands now. False, and nothing
 * recorded, once the assessment is final: checked under the row lock, so a finalise that committed
 * after the request read the assessment is seen (a decision never lands on a signed-off review).
 */
export async function reviewItem(
	db: Database,
	actor: Actor & { userId: string },
	input: {
		assessment: AssessmentRecord;
		itemId: string;
		decision: ReviewDecision;
	}
): Promise<boolean> {
	const { assessment, itemId } = input;
	return audited(db, actor, async (tx) => {
		if (!(await lockOpenAssessment(tx, assessment.id))) return false;
		const answer = await findAnswer(tx.db, assessment.id, itemId);
		await decideItem(tx, assessment, {
			itemId,
			decision: input.decision,
			answerVersion: answer?.version ?? 0,
			reviewerId: actor.userId
		});
		return true;
	});
}

/** A decision recorded on the answer version it was made on, with its audit row. */
async function decideItem(
	tx: AuditedTx,
	assessment: AssessmentRecord,
	d: { itemId: string; decision: ReviewDecision; answerVersion: number; reviewerId: string },
	extra: Record<string, unknown> = {}
): Promise<void> {
	await upsertItemReview(tx, { assessmentId: assessment.id, ...d });
	tx.record({
		action: 'item.reviewed',
		orgId: assessment.orgId,
		entity: { type: 'item', id: `${assessment.id}/${d.itemId}` },
		assessmentId: assessment.id,
		itemId: d.itemId,
		after: { decision: d.decision, answerVersion: d.answerVersion, ...extra }
	});
}

/**
 * Accepts several items at once, each on its answer as it stands, in one transaction with a row
 * per item in the audit log. Only answered items are accepted; the rest are returned as skipped.
 */
export async function acceptItems(
	db: Database,
	actor: Actor & { userId: string },
	input: { assessment: AssessmentRecord; itemIds: string[] }
): Promise<{ accepted: string[]; skipped: string[] } | 'final'> {
	const { assessment } = input;
	return audited(db, actor, async (tx) => {
		// Under the row lock, as reviewItem.
		if (!(await lockOpenAssessment(tx, assessment.id))) return 'final' as const;
		const versionOf = new Map(
			(await listAnswers(tx.db, assessment.id)).map((a) => [a.itemId, a.version])
		);
		const accepted: string[] = [];
		const skipped: string[] = [];
		for (const itemId of input.itemIds) {
			const version = versionOf.get(itemId);
			if (version === undefined) {
				skipped.push(itemId);
				continue;
			}
			await decideItem(
				tx,
				assessment,
				{ itemId, decision: 'accepted', answerVersion: version, reviewerId: actor.userId },
				{ bulk: true }
			);
			accepted.push(itemId);
		}
		return { accepted, skipped };
	});
}

/**
 * Adds to an item's thread while the assessment is open. A final assessment is closed to comments
 * as to answers (the row is locked, so a finalise racing the comment is seen): re-opening it, with
 * a reason, re-opens the discussion. Answers whom its @mentions told (their names), or null when
 * it mentions nobody with @ (or is not to notify).
 */
export async function addReviewComment(
	db: Database,
	actor: Actor & { userId: string },
	input: { assessment: AssessmentRecord; itemId: string; body: string; notify?: NotifyOptions }
): Promise<{ ok: true; notified: string[] | null } | { ok: false; reason: 'final' }> {
	const { assessment, itemId } = input;
	return audited(db, actor, async (tx) => {
		if (!(await lockOpenAssessment(tx, assessment.id))) return { ok: false, reason: 'final' };
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
		// Members it mentions with @ are told (and mailed), as each chose.
		if (!input.notify || !input.body.includes('@')) return { ok: true, notified: null };
		const notified = await notifyMentions(tx, {
			assessment,
			itemId,
			body: input.body,
			notify: input.notify
		});
		return { ok: true, notified };
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
