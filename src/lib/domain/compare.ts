import type { Corpus, Localized } from './corpus';
import type { Evaluation } from './result';
import type { Answer, AnswerStatus, ScoreFigures } from './scoring';

/** One assessment as the comparison sees it: its questionnaire, its evaluation and its answers. */
export interface CompareSide {
	corpus: Pick<Corpus, 'items' | 'domains'>;
	evaluation: Pick<Evaluation, 'score' | 'result'>;
	answers: readonly Pick<Answer, 'itemId' | 'status'>[];
}

export const itemChanges = [
	'improved',
	'regressed',
	'new',
	'removed',
	'not_applicable_changed',
	'unchanged'
] as const;
export type ItemChange = (typeof itemChanges)[number];

/**
 * Where an item stood in one assessment: its answer, unanswered, left out by the profile
 * (out_of_scope) or not in that questionnaire at all (absent).
 */
export type ItemStanding = AnswerStatus | 'unanswered' | 'out_of_scope' | 'absent';

export interface ScoreDelta {
	before: number | null;
	after: number | null;
	/** after − before, or null when either could not be scored. */
	delta: number | null;
}

export interface DomainDelta extends ScoreDelta {
	id: string;
	label: Localized;
}

export interface ItemDelta {
	itemId: string;
	domain: string;
	question: Localized;
	change: ItemChange;
	before: ItemStanding;
	after: ItemStanding;
}

export interface ComparisonFigures {
	overall: ScoreDelta;
	domains: DomainDelta[];
	/** Every item asked on either side, in questionnaire order. */
	items: ItemDelta[];
	counts: Record<ItemChange, number>;
}

/**
 * How far an answer goes towards compliance. Unanswered earns what non-compliant earns (nothing,
 * and a gap either way), so answering "non-compliant" to a question left open is no change.
 */
const RANK: Record<Exclude<AnswerStatus, 'not_applicable'> | 'unanswered', number> = {
	unanswered: 0,
	non_compliant: 0,
	partial: 1,
	compliant: 2
};

function standing(side: CompareSide, itemId: string): ItemStanding {
	if (!side.corpus.items.some((i) => i.id === itemId)) return 'absent';
	if (!side.evaluation.result.applicable.includes(itemId)) return 'out_of_scope';
	return side.answers.find((a) => a.itemId === itemId)?.status ?? 'unanswered';
}

/** The change of one item from `before` to `after`; null when neither side asked it. */
export function classifyItem(before: ItemStanding, after: ItemStanding): ItemChange | null {
	const asked = (s: ItemStanding) => s !== 'absent' && s !== 'out_of_scope';
	if (!asked(before) && !asked(after)) return null;
	if (before === 'absent') return 'new';
	if (after === 'absent') return 'removed';
	if (before === 'out_of_scope' || after === 'out_of_scope') return 'not_applicable_changed';
	if (before === 'not_applicable' || after === 'not_applicable')
		return before === after ? 'unchanged' : 'not_applicable_changed';
	const delta = RANK[after as keyof typeof RANK] - RANK[before as keyof typeof RANK];
	return delta > 0 ? 'improved' : delta < 0 ? 'regressed' : 'unchanged';
}

function scoreDelta(before: ScoreFigures | undefined, after: ScoreFigures | undefined): ScoreDelta {
	const b = before?.score ?? null;
	const a = after?.score ?? null;
	return { before: b, after: a, delta: a === null || b === null ? null : a - b };
}

/** What changed from one assessment to a later one: per domain (scores) and per item (answers). */
export function compareAssessments(before: CompareSide, after: CompareSide): ComparisonFigures {
	const domainIds = [
		...new Set([...after.corpus.domains, ...before.corpus.domains].map((d) => d.id))
	];
	const domainLabel = (id: string): Localized => {
		const d =
			after.corpus.domains.find((x) => x.id === id) ??
			before.corpus.domains.find((x) => x.id === id);
		return d ? { zh: d.zh, en: d.en } : { zh: id, en: id };
	};
	const domains = domainIds.flatMap((id) => {
		const b = before.evaluation.score.domains[id];
		const a = after.evaluation.score.domains[id];
		return a || b ? [{ id, label: domainLabel(id), ...scoreDelta(b, a) }] : [];
	});

	const itemsInOrder = [
		...after.corpus.items,
		...before.corpus.items.filter((i) => !after.corpus.items.some((x) => x.id === i.id))
	];
	const items = itemsInOrder.flatMap((item): ItemDelta[] => {
		const b = standing(before, item.id);
		const a = standing(after, item.id);
		const change = classifyItem(b, a);
		if (change === null) return [];
		return [
			{
				itemId: item.id,
				domain: item.domain,
				question: { zh: item.question.zh, en: item.question.en },
				change,
				before: b,
				after: a
			}
		];
	});
	const counts = Object.fromEntries(
		itemChanges.map((c) => [c, items.filter((i) => i.change === c).length])
	) as Record<ItemChange, number>;
	return {
		overall: scoreDelta(before.evaluation.score.overall, after.evaluation.score.overall),
		domains,
		items,
		counts
	};
}

/** A score change in percentage points, signed: +12, −5, 0; a dash when either side has no score. */
export function formatDelta(delta: number | null): string {
	if (delta === null) return '—';
	const points = Math.round(delta * 100);
	return points > 0 ? `+${points}` : points < 0 ? `−${-points}` : '0';
}

export interface ComparedAssessment {
	id: string;
	title: string;
	state: 'draft' | 'in_review' | 'final';
	versionHash: string;
	/** ISO timestamp of when it was started. */
	createdAt: string;
}

/** Two assessments compared, the earlier as "before": plain JSON, for the page, the CSV and the API. */
export interface Comparison extends ComparisonFigures {
	before: ComparedAssessment;
	after: ComparedAssessment;
}
