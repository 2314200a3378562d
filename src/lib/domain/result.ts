import { scopeItems } from './applicability';
import type { Basis, Corpus, Localized } from './corpus';
import { describeRule } from './describe-rule';
import { findRestrictedTerms, type ProfileFinding } from './findings';
import type { Profile } from './profile';
import {
	scoreAssessment,
	type Answer,
	type AssessmentScore,
	type Gap,
	type GapStatus,
	type ScoreFigures,
	type Verdict,
	type VerdictReason
} from './scoring';

/** The result of an assessment, as the CLI's result.json and the API print it. */
export interface AssessmentResult {
	questionnaire_version: string;
	applicable: string[];
	excluded: { item_id: string; reason: Localized }[];
	complete: boolean;
	scores: { overall: ScoreFigures; domains: Record<string, ScoreFigures> };
	verdict: Verdict;
	verdict_reasons: VerdictReason[];
	findings: ProfileFinding[];
	/** Answered shortfalls on obligation and entry-condition items, most severe first. */
	gaps: ResultGap[];
	/** Good-practice (policy-alignment) items: scored apart, never gaps, never "not ready". */
	good_practice: { scores: ScoreFigures; items: ResultGap[] };
	/** Applicable items not answered yet: counted towards completeness, not ranked as gaps. */
	unanswered: string[];
}

export interface ResultGap {
	item_id: string;
	domain: string;
	severity: string;
	basis: Basis;
	status: GapStatus;
	provisions: string[];
}

const resultGap = (g: Gap): ResultGap => ({
	item_id: g.itemId,
	domain: g.domain,
	severity: g.severity,
	basis: g.basis,
	status: g.status,
	provisions: g.provisions
});

export interface Evaluation {
	score: AssessmentScore;
	result: AssessmentResult;
}

/** Scope, score and findings of one assessment: the same function for the web, the CLI and the API. */
export function evaluateAssessment(
	corpus: Corpus,
	versionHash: string,
	profile: Profile,
	answers: readonly Answer[]
): Evaluation {
	const scope = scopeItems(corpus.items, profile);
	const applicableIds = new Set(scope.applicable.map((i) => i.id));
	// Answers to items the profile no longer scopes in are kept, but do not count.
	const counted = new Map(
		answers.filter((a) => applicableIds.has(a.itemId)).map((a) => [a.itemId, a])
	);
	const score = scoreAssessment(scope.applicable, counted);
	return {
		score,
		result: {
			questionnaire_version: versionHash,
			applicable: scope.applicable.map((i) => i.id),
			excluded: scope.excluded.map((e) => ({
				item_id: e.itemId,
				reason: {
					zh: describeRule(e.rule, corpus.profileQuestions, 'zh'),
					en: describeRule(e.rule, corpus.profileQuestions, 'en')
				}
			})),
			complete: score.complete,
			scores: { overall: score.overall, domains: score.domains },
			verdict: score.verdict,
			verdict_reasons: score.reasons,
			findings: findRestrictedTerms(profile, corpus.restrictedTerms, corpus.profileQuestions),
			gaps: score.gaps.map(resultGap),
			good_practice: { scores: score.goodPractice, items: score.opportunities.map(resultGap) },
			unanswered: score.unanswered
		}
	};
}
