import type { ActionStatus } from './action-status';
import type { RuleStanding } from './rule-standing';
import type { Basis, Lang, Severity } from './corpus';
import type { ForceClass } from './provision-standing';
import type { ProfileFinding } from './findings';
import type { ItemChange } from './compare';
import type { AnswerStatus, GapStatus, Verdict, VerdictReason } from './scoring';
import type { StaleWords } from './staleness';
import type { EvidenceReviewStatus } from './evidence';
import type { PackWords } from './pack-words';

export type ReportLang = Lang | 'both';
/** The assessment's state, as the report tells it: a draft or one in review is marked as such. */
export type ReportState = 'draft' | 'in_review' | 'final';
/** Summary: what a board reads; full: every answer, the exclusions and the profile besides. */
export const reportEditions = ['summary', 'full'] as const;
export type ReportEdition = (typeof reportEditions)[number];
export const reportLangs = ['zh', 'en', 'both'] as const satisfies readonly ReportLang[];

/**
 * One text of the report in its language(s): `main` is Chinese in a Chinese or bilingual report and
 * English in an English one; `alt` is the English beside it in a bilingual report, otherwise null.
 */
export interface ReportText {
	main: string;
	alt: string | null;
}

/** The fixed words of the report, by key; the same words the web pages use where they overlap. */
export const labelKeys = [
	'appName',
	'title',
	'coverFirm',
	'coverConsultancy',
	'coverAssessor',
	'coverDate',
	'coverAssessment',
	'coverVersion',
	'coverVerdict',
	'coverLanguage',
	'contents',
	'summary',
	'reasons',
	'score',
	'completeness',
	'incomplete',
	'gapsBySeverity',
	'total',
	'byDomain',
	'gapRegister',
	'gapRegisterLead',
	'noGaps',
	'item',
	'question',
	'status',
	'note',
	'evidence',
	'provision',
	'noProvision',
	'summaryEn',
	'relatedRules',
	'ruleTitle',
	'ruleIssuer',
	'ruleDate',
	'ruleArticle',
	'ruleVerification',
	'remediation',
	'owner',
	'due',
	'severity',
	'domain',
	'actionPlan',
	'gap',
	'notApplicable',
	'notApplicableNone',
	'reason',
	'profile',
	'profileAnswers',
	'profileEmpty',
	'notAnswered',
	'excluded',
	'excludedNone',
	'findings',
	'findingsNone',
	'appendixAnswers',
	'answersNone',
	'outOfScope',
	'disclaimer',
	'disclaimerText',
	'changesLead',
	'compareBefore',
	'compareAfter',
	'compareDelta',
	'compareOverall',
	'compareChange',
	'compareNoChanges',
	'basis',
	'goodPractice',
	'goodPracticeLead',
	'goodPracticeNone',
	/** With {page} and {pages} for the renderer to fill in. */
	'pageOf',
	'coverState',
	'coverReviewer',
	'coverSignedOff',
	'confidential',
	'notAssessedTitle',
	'notAssessedLead',
	'notAssessedNone',
	'notAssessedShort',
	'executiveSummary',
	'scope',
	'topRisks',
	'topRisksNone',
	'firstActions',
	'action',
	'actionsNone',
	'overdue',
	'lawAnnex',
	'lawAnnexLead',
	'lawAnnexNone',
	'citedProvisions',
	'moreInActionPlan',
	'goodPracticeResults',
	'edition',
	'actionStatus',
	'actionPlanLead',
	'voiceOpinion',
	'voiceScope',
	'voiceObservation',
	'staleHeading',
	'evidenceAnnex',
	'evidenceAnnexLead',
	'annexFile',
	'annexSize',
	'annexUploaded',
	'annexEffective',
	'annexExpires',
	'annexDecision',
	'annexSha256',
	'reviewComments',
	'supportHeading',
	'supportLead',
	'supportShortLead',
	'supportNone',
	'supportBackground'
] as const;
export type LabelKey = (typeof labelKeys)[number];

/** Everything the report says in one language, supplied by the caller (the app's message catalogue). */
export type ReportWords = Record<LabelKey, string> & {
	languageName: Record<ReportLang, string>;
	yes: string;
	no: string;
	verdict: Record<Verdict, string>;
	severityLabel: Record<Severity, string>;
	statusLabel: Record<AnswerStatus | GapStatus | 'unanswered', string>;
	basisLabel: Record<Basis, string>;
	forceLabel: Record<ForceClass, string>;
	lawCurrentAsOf(date: string): string;
	/** How far a national-rule pointer was checked: "article to be confirmed" unless verified. */
	ruleStanding: Record<RuleStanding, string>;
	/** A good-practice item not (fully) adopted: "not yet in place", never "non-compliant". */
	goodPracticeStatus: { partial: string; non_compliant: string };
	provisionStatus: { superseded: string; expired: string };
	verdictReason(reason: VerdictReason): string;
	answered(figures: { answered: number; applicable: number; notApplicable: number }): string;
	finding(finding: ProfileFinding): string;
	findingAdvice(licensed: boolean): string;
	changesSince(title: string, date: string): string;
	change: Record<ItemChange, string>;
	standing: { out_of_scope: string; unanswered: string } & Record<AnswerStatus, string>;
	state: Record<ReportState, string>;
	/** The word printed across every page of a report that is not final. */
	watermark: Record<Exclude<ReportState, 'final'>, string>;
	editionName: Record<ReportEdition, string>;
	actionStatusName: Record<ActionStatus, string>;
	scopeText(input: { applicable: number; excluded: number; domains: number }): string;
	versionLabel(input: { short: string; items: number }): string;
	overdueCount(count: number): string;
	gapRisk(input: { severity: string; domain: string; question: string; n: number }): string;
	/** Under the consultant's opinion: who wrote it, and the (Shanghai) date. */
	voiceSignature(input: { name: string; date: string }): string;
	/** The stale-material warnings (filing pack, issue 20). */
	stale: StaleWords;
	/** The evidence annex: a file's review decision, its version, no expiry, its warnings. */
	evidenceDecision: Record<EvidenceReviewStatus, string>;
	annexVersion(version: number): string;
	annexNoExpiry: string;
	annexExpired: string;
	annexReconfirm: string;
	/** Who and when: above a review comment, beside an evidence file's upload (Shanghai date). */
	commentBy(input: { name: string; date: string }): string;
} & Pick<
		PackWords,
		// Why a support measure is background only, with {by} or {date}: the filing pack's words.
		'supportBackgroundSuperseded' | 'supportBackgroundExpired' | 'supportBackgroundOvertaken'
	>;

export type Words = Record<Lang, ReportWords>;

/** Chooses a text per the report's language: both languages, Chinese first, in a bilingual report. */
export function chooser(lang: ReportLang) {
	return (zh: string, en: string): ReportText => {
		if (lang === 'zh') return { main: zh, alt: null };
		if (lang === 'en') return { main: en, alt: null };
		return { main: zh, alt: en === zh ? null : en };
	};
}

/** The same, for a phrase drawn from the word lists. */
export function phraser(lang: ReportLang, words: Words) {
	const choose = chooser(lang);
	return (phrase: (w: ReportWords) => string): ReportText =>
		choose(phrase(words.zh), phrase(words.en));
}

/** Text that is never translated (the firm's own words): the same in every report language. */
export function verbatim(text: string): ReportText {
	return { main: text, alt: null };
}

/** A label before its value: 「负责人：」 after Chinese, "Owner: " after English. */
export function labelled(label: ReportText, value: string): string {
	const text = inlineText(label);
	return /^\p{Script=Han}/u.test(text) ? `${text}：${value}` : `${text}: ${value}`;
}

/** Both languages on one line, for short labels: 关键 / Critical. */
export function inlineText(t: ReportText): string {
	return t.alt === null ? t.main : `${t.main} / ${t.alt}`;
}
