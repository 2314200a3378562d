import type { Item, Localized, Severity } from './corpus';
import type { AnswerValues, StoredAnswer } from './stored-answer';
import type { ItemReviewStatus } from './finalise-guard';
import type { EvidenceReviewStatus } from './evidence';

export const ANSWER_SHOW = ['all', 'answered', 'unanswered', 'gaps'] as const;
export type AnswerShow = (typeof ANSWER_SHOW)[number];
export const REVIEW_SHOW = ['all', 'pending', 'accepted', 'changes_requested'] as const;
export type ReviewShow = (typeof REVIEW_SHOW)[number];

export interface ReviewFilters {
	show: AnswerShow;
	review: ReviewShow;
	/** Only items whose answer changed since the viewer's own decision on it. */
	changed: boolean;
	q: string;
}

const pick = <T extends string>(allowed: readonly T[], value: string | null, fallback: T): T =>
	(allowed as readonly string[]).includes(value ?? '') ? (value as T) : fallback;

/** The review workspace's filters from a query string; anything unknown reads as "all". */
export function parseReviewFilters(params: URLSearchParams): ReviewFilters {
	return {
		show: pick(ANSWER_SHOW, params.get('show'), 'all'),
		review: pick(REVIEW_SHOW, params.get('review'), 'all'),
		changed: params.get('changed') === '1',
		q: (params.get('q') ?? '').trim().slice(0, 100)
	};
}

export interface ReviewRowState {
	answer: StoredAnswer | undefined;
	review: ItemReviewStatus;
	changedSinceMine: boolean;
}

export function matchesReviewFilters(
	item: Pick<Item, 'id' | 'question'>,
	row: ReviewRowState,
	filters: ReviewFilters
): boolean {
	const { answer } = row;
	if (filters.show === 'answered' && !answer) return false;
	if (filters.show === 'unanswered' && answer) return false;
	if (
		filters.show === 'gaps' &&
		!(answer?.status === 'partial' || answer?.status === 'non_compliant')
	)
		return false;
	if (filters.review !== 'all' && row.review !== filters.review) return false;
	if (filters.changed && !row.changedSinceMine) return false;
	if (filters.q === '') return true;
	const q = filters.q.toLowerCase();
	return [
		item.id,
		item.question.zh,
		item.question.en,
		answer?.note ?? '',
		...(answer?.evidence ?? [])
	].some((text) => text.toLowerCase().includes(q));
}

/** One item as the reviewer reads it: the answer, note and evidence inline, and where review stands. */
export interface ReviewRow {
	id: string;
	domain: string;
	question: Localized;
	severity: Severity;
	answer: AnswerValues | null;
	review: {
		status: ItemReviewStatus;
		reviewerName: string | null;
		reviewedAt: Date | null;
	};
	comments: number;
	/** The answer changed since this viewer's own decision on it. */
	changedSinceMine: boolean;
	/** The latest version of each evidence file on the item, newest first. */
	files: ReviewRowFile[];
}

export interface ReviewRowFile {
	id: string;
	fileName: string;
	reviewStatus: EvidenceReviewStatus;
}
