import type { Basis, Item, Severity } from './corpus';

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
/**
 * Below this share of the obligation and entry-condition items answered (N/A counts as answered),
 * the verdict is "not yet assessed": too little is known to say ready or not ready.
 */
export const ASSESSED_SHARE = 0.8;
export const SEVERITY_ORDER: Severity[] = ['critical', 'high', 'medium', 'low'];

/** The bases that decide the verdict; good practice is scored apart and never makes a gap. */
export const VERDICT_BASES: readonly Basis[] = ['obligation', 'entry_condition'];
export const decidesVerdict = (item: Pick<Item, 'basis'>) => VERDICT_BASES.includes(item.basis);

/** A gap is an answered shortfall; an unanswered item is counted towards completeness instead. */
export type GapStatus = 'partial' | 'non_compliant';

export interface ScoreFigures {
	/** Earned over possible weight of the answered items, 0..1; null when nothing could be scored. */
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
	basis: Basis;
	status: GapStatus;
	credit: number;
	provisions: string[];
}

export const verdicts = ['ready', 'ready_with_conditions', 'not_ready', 'not_assessed'] as const;
export type Verdict = (typeof verdicts)[number];

export type VerdictReason =
	| { code: 'nothing_applicable' }
	| { code: 'all_not_applicable' }
	| { code: 'too_few_answered'; answered: number; required: number; applicable: number }
	| { code: 'critical_not_compliant'; itemIds: string[] }
	| { code: 'score_below_minimum'; score: number; minimum: number }
	| { code: 'incomplete'; unanswered: number }
	| { code: 'high_not_compliant'; itemIds: string[] }
	| { code: 'score_below_ready'; score: number; ready: number }
	| { code: 'all_criteria_met'; score: number };

export interface AssessmentScore {
	/** Obligation and entry-condition items: these decide the verdict. */
	overall: ScoreFigures;
	/** Every applicable item of each domain, whatever its basis: progress, not the verdict. */
	domains: Record<string, ScoreFigures>;
	/** Good-practice (policy alignment) items, scored apart. */
	goodPractice: ScoreFigures;
	/**
	 * Progress through the questionnaire: every applicable item, verdict and good practice alike.
	 * The one source of "answered of applicable" and of how many remain (`unanswered.length`), for
	 * progress bars, next steps, homes and lists.
	 */
	progress: Pick<ScoreFigures, 'answered' | 'applicable' | 'notApplicable' | 'unanswered'>;
	complete: boolean;
	/** Answered shortfalls on obligation and entry-condition items, most severe first. */
	gaps: Gap[];
	/** Answered shortfalls on good-practice items: opportunities, never gaps. */
	opportunities: Gap[];
	/** Applicable items with no answer yet, verdict items first. */
	unanswered: string[];
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

const bySeverity = (a: Gap, b: Gap) =>
	SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
	a.credit - b.credit ||
	a.itemId.localeCompare(b.itemId);

/** How many of `applicable` verdict items must be answered before a verdict is given. */
export const requiredAnswers = (applicable: number) => Math.ceil(applicable * ASSESSED_SHARE);

/**
 * Scores the applicable items. Only obligations and entry conditions decide the verdict; good-practice
 * items are scored apart. Weights by severity; partial earns half; N/A and unanswered items leave
 * numerator and denominator (the score is over what was answered). Below ASSESSED_SHARE answered the
 * verdict is "not assessed"; above it, any critical item answered short of compliant makes the verdict
 * "not ready", whatever the score, and anything unanswered is a condition.
 */
export function scoreAssessment(
	applicable: readonly Item[],
	answers: ReadonlyMap<string, Answer>
): AssessmentScore {
	const overall = emptyFigures();
	const goodPractice = emptyFigures();
	const domains: Record<string, ScoreFigures> = {};
	const gaps: Gap[] = [];
	const opportunities: Gap[] = [];
	const unansweredVerdict: string[] = [];
	const unansweredOther: string[] = [];
	for (const item of applicable) {
		const weight = SEVERITY_WEIGHTS[item.severity];
		const status = answers.get(item.id)?.status;
		const counts = decidesVerdict(item);
		addItem(counts ? overall : goodPractice, weight, status);
		// A domain's figures cover all its items: they show progress through the questionnaire.
		addItem((domains[item.domain] ??= emptyFigures()), weight, status);
		if (status === undefined) (counts ? unansweredVerdict : unansweredOther).push(item.id);
		else if (status === 'partial' || status === 'non_compliant')
			(counts ? gaps : opportunities).push({
				itemId: item.id,
				domain: item.domain,
				severity: item.severity,
				basis: item.basis,
				status,
				credit: STATUS_CREDIT[status],
				provisions: item.provisions
			});
	}
	gaps.sort(bySeverity);
	opportunities.sort(bySeverity);
	const finishedOverall = finish(overall);
	const finishedDomains = Object.fromEntries(
		Object.entries(domains).map(([id, f]) => [id, finish(f)])
	);
	const complete = overall.unanswered === 0;
	const progress = {
		answered: overall.answered + goodPractice.answered,
		applicable: overall.applicable + goodPractice.applicable,
		notApplicable: overall.notApplicable + goodPractice.notApplicable,
		unanswered: overall.unanswered + goodPractice.unanswered
	};
	const { verdict, reasons } = decideVerdict(finishedOverall, gaps);
	return {
		overall: finishedOverall,
		domains: finishedDomains,
		goodPractice: finish(goodPractice),
		progress,
		complete,
		gaps,
		opportunities,
		unanswered: [...unansweredVerdict, ...unansweredOther],
		verdict,
		reasons
	};
}

function decideVerdict(
	overall: ScoreFigures,
	gaps: Gap[]
): { verdict: Verdict; reasons: VerdictReason[] } {
	if (overall.applicable === 0)
		return { verdict: 'not_assessed', reasons: [{ code: 'nothing_applicable' }] };
	const required = requiredAnswers(overall.applicable);
	if (overall.answered < required)
		return {
			verdict: 'not_assessed',
			reasons: [
				{
					code: 'too_few_answered',
					answered: overall.answered,
					required,
					applicable: overall.applicable
				}
			]
		};
	if (overall.score === null)
		return { verdict: 'not_assessed', reasons: [{ code: 'all_not_applicable' }] };
	const score = overall.score;
	const blocking: VerdictReason[] = [];
	const conditions: VerdictReason[] = [];
	const critical = gaps.filter((g) => g.severity === 'critical').map((g) => g.itemId);
	if (critical.length > 0) blocking.push({ code: 'critical_not_compliant', itemIds: critical });
	if (score < MINIMUM_SCORE)
		blocking.push({ code: 'score_below_minimum', score, minimum: MINIMUM_SCORE });
	if (overall.unanswered > 0)
		conditions.push({ code: 'incomplete', unanswered: overall.unanswered });
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
