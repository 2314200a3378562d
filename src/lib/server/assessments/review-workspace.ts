import type { Database } from '../db/connection';
import type { AssessmentRecord } from '../db/queries/assessments';
import type { Membership } from '../db/queries/organisations';
import { countCommentsByItem, listItemReviews } from '../db/queries/reviews';
import {
	matchesReviewFilters,
	type ReviewFilters,
	type ReviewRow
} from '../../domain/review-filter';
import { latestVersions, type EvidenceFile } from '../../domain/evidence';
import { reachesDomain } from '../auth/scope';
import { assessmentEvidenceFiles } from '../evidence/files';
import { loadAssessmentView } from './service';

/**
 * The items of an assessment a member reaches, filtered for review (domain, answer state, review
 * state, changed since the viewer's decision, words). `total` counts the chosen domain before the
 * other filters; `pending` lists the items of it still waiting for a decision, for "next".
 */
export async function loadReviewWorkspace(
	db: Database,
	input: {
		assessment: AssessmentRecord;
		membership: Membership;
		viewerId: string;
		domain: string | null;
		filters: ReviewFilters;
	}
) {
	const { assessment, membership, filters } = input;
	const [{ corpus, answers, evaluation }, reviews, comments, files] = await Promise.all([
		loadAssessmentView(db, assessment),
		listItemReviews(db, assessment.id),
		countCommentsByItem(db, assessment.id),
		assessmentEvidenceFiles(db, assessment)
	]);
	const applicable = new Set(evaluation.result.applicable);
	const domains = corpus.domains.filter(
		(d) => evaluation.score.domains[d.id] !== undefined && reachesDomain(membership, d.id)
	);
	const answerOf = new Map(answers.map((a) => [a.itemId, a]));
	const reviewOf = new Map(reviews.map((r) => [r.itemId, r]));
	const reachable = corpus.items.filter(
		(i) => applicable.has(i.id) && reachesDomain(membership, i.domain)
	);
	const filesOf = new Map<string, EvidenceFile[]>();
	for (const f of latestVersions(files))
		filesOf.set(f.itemId, [...(filesOf.get(f.itemId) ?? []), f]);
	const statusOf = (id: string) => reviewOf.get(id)?.status ?? 'pending';
	const counts = {
		accepted: reachable.filter((i) => statusOf(i.id) === 'accepted').length,
		flagged: reachable.filter((i) => statusOf(i.id) === 'changes_requested').length
	};
	const inDomain = reachable.filter((i) => input.domain === null || i.domain === input.domain);
	const rows: ReviewRow[] = inDomain.map((i) => {
		const answer = answerOf.get(i.id);
		const review = reviewOf.get(i.id);
		return {
			id: i.id,
			domain: i.domain,
			question: i.question,
			severity: i.severity,
			answer: answer
				? {
						status: answer.status,
						note: answer.note,
						evidence: answer.evidence,
						owner: answer.owner,
						due: answer.due
					}
				: null,
			review: {
				status: review?.status ?? 'pending',
				reviewerName: review?.reviewerName ?? null,
				reviewedAt: review?.reviewedAt ?? null
			},
			comments: comments.get(i.id) ?? 0,
			changedSinceMine: review?.reviewerId === input.viewerId && review.lapsed === true,
			files: (filesOf.get(i.id) ?? []).map((f) => ({
				id: f.id,
				fileName: f.fileName,
				reviewStatus: f.reviewStatus
			}))
		};
	});
	const shown = rows.filter((r) =>
		matchesReviewFilters(
			r,
			{
				answer: answerOf.get(r.id),
				review: r.review.status,
				changedSinceMine: r.changedSinceMine
			},
			filters
		)
	);
	return {
		domains: domains.map((d) => ({ id: d.id, zh: d.zh, en: d.en })),
		rows: shown,
		counts,
		total: rows.length,
		pending: rows.filter((r) => r.review.status === 'pending' && r.answer).map((r) => r.id)
	};
}
