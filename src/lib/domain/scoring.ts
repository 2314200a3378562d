import type { Item, Severity } from './corpus';

export const answerStatuses = ['compliant', 'partial', 'non_compliant', 'not_applicable'] as const;
export type AnswerStatus = (typeof answerStatuses)[number];

export interface Answer {
	itemId: string;
	status: AnswerStatus;
	note: string;
	evidence: string[];
	owner: string | null;
	due: string | null;
}

export const SEVERITY_WEIGHTS: Record<Severity, number> = {
	critical: 4,
	high: 3,
	medium: 2,
	low: 1
};
export const STATUS_CREDIT = { compliant: 1, partial: 0.5, non_compliant: 0 } as const;
/** At or above: ready (when nothing else stands in the way). */
export const READY_SCORE = 0.85;
/** Below: not ready, whatever else. */
export const MINIMUM_SCORE = 0.6;
export const SEVERITY_ORDER: Severity[] = ['critical', 'high', 'medium', 'low'];

export type GapStatus = 'partial' | 'non_compliant' | 'unanswered';

export interface ScoreFigures {
	/** Earned over possible weight, 0..1; null when nothing could be scored. */
	score: number | null;
	earned: number;
	possible: number;
	applicable: number;
	answered: number;
	notApplicable: number;
	unanswered: number;
}

export interface Gap {
	itemId: string;
	domain: string;
	severity: Severity;
	status: GapStatus;
	credit: number;
	provisions: string[];
}

export type Verdict = 'ready' | 'ready_with_conditions' | 'not_ready';

export type VerdictReason =
	| { code: 'nothing_applicable' }
	| { code: 'all_not_applicable' }
	| { code: 'critical_not_compliant'; itemIds: string[] }
	| { code: 'score_below_minimum'; score: number; minimum: number }
	| { code: 'incomplete'; unanswered: number }
	| { code: 'high_not_compliant'; itemIds: string[] }
	| { code: 'score_below_ready'; score: number; ready: number }
	| { code: 'all_criteria_met'; score: number };

export interface AssessmentScore {
	overall: ScoreFigures;
	domains: Record<string, ScoreFigures>;
	complete: boolean;
	gaps: Gap[];
	verdict: Verdict;
	reasons: VerdictReason[];
}

function emptyFigures(): ScoreFigures {
	return {
		score: null,
		earned: 0,
		possible: 0,
		applicable: 0,
		answered: 0,
		notApplicable: 0,
		unanswered: 0
	};
}

function addItem(figures: ScoreFigures, weight: number, status: AnswerStatus | undefined): void {
	figures.applicable += 1;
	if (status === undefined) {
		figures.unanswered += 1;
		figures.possible += weight;
		return;
	}
	figures.answered += 1;
	if (status === 'not_applicable') {
		figures.notApplicable += 1;
		return;
	}
	figures.possible += weight;
	figures.earned += weight * STATUS_CREDIT[status];
}

function finish(figures: ScoreFigures): ScoreFigures {
	return { ...figures, score: figures.possible > 0 ? figures.earned / figures.possible : null };
}

/**
 * Scores the applicable items. Weights by severity; partial earns half; N/A leaves numerator and
 * denominator; unanswered earns nothing and marks the result incomplete. Any critical item not fully
 * compliant makes the verdict "not ready", whatever the score.
 */
export function scoreAssessment(
	applicable: readonly Item[],
	answers: ReadonlyMap<string, Answer>
): AssessmentScore {
	const overall = emptyFigures();
	const domains: Record<string, ScoreFigures> = {};
	const gaps: Gap[] = [];
	for (const item of applicable) {
		const weight = SEVERITY_WEIGHTS[item.severity];
		const status = answers.get(item.id)?.status;
		addItem(overall, weight, status);
		addItem((domains[item.domain] ??= emptyFigures()), weight, status);
		if (status !== 'compliant' && status !== 'not_applicable') {
			const gapStatus: GapStatus = status ?? 'unanswered';
			gaps.push({
				itemId: item.id,
				domain: item.domain,
				severity: item.severity,
				status: gapStatus,
				credit: gapStatus === 'partial' ? STATUS_CREDIT.partial : 0,
				provisions: item.provisions
			});
		}
	}
	gaps.sort(
		(a, b) =>
			SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
			a.credit - b.credit ||
			a.itemId.localeCompare(b.itemId)
	);
	const finishedOverall = finish(overall);
	const finishedDomains = Object.fromEntries(
		Object.entries(domains).map(([id, f]) => [id, finish(f)])
	);
	const complete = overall.unanswered === 0;
	const { verdict, reasons } = decideVerdict(finishedOverall, gaps, complete);
	return { overall: finishedOverall, domains: finishedDomains, complete, gaps, verdict, reasons };
}

function decideVerdict(
	overall: ScoreFigures,
	gaps: Gap[],
	complete: boolean
): { verdict: Verdict; reasons: VerdictReason[] } {
	if (overall.applicable === 0)
		return { verdict: 'not_ready', reasons: [{ code: 'nothing_applicable' }] };
	if (overall.score === null)
		return { verdict: 'not_ready', reasons: [{ code: 'all_not_applicable' }] };
	const score = overall.score;
	const blocking: VerdictReason[] = [];
	const conditions: VerdictReason[] = [];
	const critical = gaps.filter((g) => g.severity === 'critical').map((g) => g.itemId);
	if (critical.length > 0) blocking.push({ code: 'critical_not_compliant', itemIds: critical });
	if (score < MINIMUM_SCORE)
		blocking.push({ code: 'score_below_minimum', score, minimum: MINIMUM_SCORE });
	if (!complete) conditions.push({ code: 'incomplete', unanswered: overall.unanswered });
	const high = gaps
		.filter((g) => g.severity === 'high' && g.status === 'non_compliant')
		.map((g) => g.itemId);
	if (high.length > 0) conditions.push({ code: 'high_not_compliant', itemIds: high });
	if (score < READY_SCORE && score >= MINIMUM_SCORE)
		conditions.push({ code: 'score_below_ready', score, ready: READY_SCORE });
	if (blocking.length > 0) return { verdict: 'not_ready', reasons: [...blocking, ...conditions] };
	if (conditions.length > 0) return { verdict: 'ready_with_conditions', reasons: conditions };
	return { verdict: 'ready', reasons: [{ code: 'all_criteria_met', score }] };
}
