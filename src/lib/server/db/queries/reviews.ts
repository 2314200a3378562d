import { sql } from 'kysely';
import type { Database } from '../connection';
import type { AuditedTx } from '../audited';
import type { ReviewDecision } from '../schema';

/** pending: not reviewed yet, or the answer changed since the decision. */
export type ReviewStatus = 'pending' | ReviewDecision;

export interface ItemReview {
	itemId: string;
	status: ReviewStatus;
	reviewerName: string | null;
	reviewedAt: Date | null;
	/** Who made the last decision, and whether the answer changed since (the decision lapsed). */
	reviewerId?: string | null;
	lapsed?: boolean;
}

export interface ReviewComment {
	id: string;
	itemId: string;
	authorName: string | null;
	body: string;
	createdAt: Date;
}

/** Records a decision on the answer version it was made on (0 when unanswered). */
export async function upsertItemReview(
	tx: AuditedTx,
	r: {
		assessmentId: string;
		itemId: string;
		decision: ReviewDecision;
		answerVersion: number;
		reviewerId: string;
	}
): Promise<void> {
	await tx.db
		.insertInto('item_reviews')
		.values({
			assessment_id: r.assessmentId,
			item_id: r.itemId,
			decision: r.decision,
			answer_version: r.answerVersion,
			reviewed_by: r.reviewerId
		})
		.onConflict((oc) =>
			oc.columns(['assessment_id', 'item_id']).doUpdateSet({
				decision: r.decision,
				answer_version: r.answerVersion,
				reviewed_by: r.reviewerId,
				reviewed_at: new Date()
			})
		)
		.execute();
}

/** Decisions still in force: those made on the answer as it stands. */
export async function listItemReviews(db: Database, assessmentId: string): Promise<ItemReview[]> {
	const rows = await db
		.selectFrom('item_reviews as r')
		.leftJoin('answers as a', (j) =>
			j.onRef('a.assessment_id', '=', 'r.assessment_id').onRef('a.item_id', '=', 'r.item_id')
		)
		.leftJoin('users as u', 'u.id', 'r.reviewed_by')
		.select([
			'r.item_id as itemId',
			'r.decision',
			sql<boolean>`r.answer_version = coalesce(a.version, 0)`.as('current'),
			'u.name as reviewerName',
			'r.reviewed_at as reviewedAt',
			'r.reviewed_by as reviewerId'
		])
		.where('r.assessment_id', '=', assessmentId)
		.execute();
	return rows.map((r) => ({
		itemId: r.itemId,
		status: r.current ? r.decision : 'pending',
		reviewerName: r.reviewerName,
		reviewedAt: r.reviewedAt,
		reviewerId: r.reviewerId,
		lapsed: !r.current
	}));
}

export interface ReviewCounts {
	accepted: number;
	changesRequested: number;
}

/** Per assessment, how many items are accepted and how many flagged: one query for the list. */
export async function countItemReviews(
	db: Database,
	assessmentIds: string[]
): Promise<Map<string, ReviewCounts>> {
	const counts = new Map<string, ReviewCounts>();
	if (assessmentIds.length === 0) return counts;
	const rows = await db
		.selectFrom('item_reviews as r')
		.leftJoin('answers as a', (j) =>
			j.onRef('a.assessment_id', '=', 'r.assessment_id').onRef('a.item_id', '=', 'r.item_id')
		)
		.select([
			'r.assessment_id as assessmentId',
			// PGlite returns count(*) as a number, pg as a string: cast in SQL so both agree.
			sql<number>`cast(count(*) filter (where r.decision = 'accepted' and r.answer_version = coalesce(a.version, 0)) as integer)`.as(
				'accepted'
			),
			sql<number>`cast(count(*) filter (where r.decision = 'changes_requested' and r.answer_version = coalesce(a.version, 0)) as integer)`.as(
				'changesRequested'
			)
		])
		.where('r.assessment_id', 'in', assessmentIds)
		.groupBy('r.assessment_id')
		.execute();
	for (const { assessmentId, ...c } of rows) counts.set(assessmentId, c);
	return counts;
}

export async function insertReviewComment(
	tx: AuditedTx,
	c: { id: string; assessmentId: string; itemId: string; authorId: string; body: string }
): Promise<void> {
	await tx.db
		.insertInto('review_comments')
		.values({
			id: c.id,
			assessment_id: c.assessmentId,
			item_id: c.itemId,
			author_id: c.authorId,
			body: c.body
		})
		.execute();
}

/** Comments with their author's name, oldest first. */
const selectComments = (db: Database) =>
	db
		.selectFrom('review_comments as c')
		.leftJoin('users as u', 'u.id', 'c.author_id')
		.select([
			'c.id',
			'c.item_id as itemId',
			'u.name as authorName',
			'c.body',
			'c.created_at as createdAt'
		])
		.orderBy('c.created_at')
		.orderBy('c.id');

export async function listReviewComments(
	db: Database,
	scope: { assessmentId: string; itemId: string }
): Promise<ReviewComment[]> {
	return selectComments(db)
		.where('c.assessment_id', '=', scope.assessmentId)
		.where('c.item_id', '=', scope.itemId)
		.limit(500)
		.execute();
}

/** Every comment of an assessment, oldest first: for a report that includes them. */
export async function listAssessmentComments(
	db: Database,
	assessmentId: string
): Promise<ReviewComment[]> {
	return selectComments(db).where('c.assessment_id', '=', assessmentId).execute();
}

/** Comment counts per item of one assessment, for the questionnaire. */
export async function countCommentsByItem(
	db: Database,
	assessmentId: string
): Promise<Map<string, number>> {
	const rows = await db
		.selectFrom('review_comments')
		.select(['item_id as itemId', sql<number>`cast(count(*) as integer)`.as('n')])
		.where('assessment_id', '=', assessmentId)
		.groupBy('item_id')
		.execute();
	return new Map(rows.map((r) => [r.itemId, r.n]));
}
