import type { ActionStatus } from './action-status';
import { ruleStanding } from './rule-standing';
import type { Basis, Corpus, Item, Localized, Provision, Severity } from './corpus';
import {
	citeProvision,
	citeProvisions,
	forceClass,
	lawCurrentAsOf,
	type ForceClass
} from './provision-standing';
import { methodology } from './methodology';
import { buildReportChanges, type ChangesInput, type ReportChanges } from './report-changes';
import type { Profile, ProfileValue } from './profile';
import type { Evaluation } from './result';
import {
	SEVERITY_ORDER,
	requiredAnswers,
	type Answer,
	type AnswerStatus,
	type Gap,
	type GapStatus,
	type Verdict
} from './scoring';
import {
	chooser,
	labelKeys,
	inlineText,
	phraser,
	verbatim,
	type LabelKey,
	type ReportEdition,
	type ReportLang,
	type ReportState,
	type ReportText,
	type ReportWords,
	type Words
} from './report-text';
import type { FinaliseOverride } from './finalise-guard';
import type { ConsultantVoice, VoiceText } from './consultant-voice';
import { staleText, type CiteProvisions, type StaleWarning } from './staleness';
import {
	buildEvidenceAnnex,
	commentsByItem,
	type ReportComment,
	type ReportCommentInput,
	type ReportEvidenceFileInput,
	type ReportEvidenceItem
} from './report-annex';
import { buildReportSupport, type ReportSupportMeasure } from './report-support';

/**
 * Who signed off and when; `override` when it was finalised over open items (the owner named for
 * them, the reason, how many of each kind), for the report to print (teamwork, issue 18).
 */
export interface SignOff {
	reviewer: string;
	date: string;
	override?: FinaliseOverride | null;
}

export interface ReportInput {
	corpus: Corpus;
	evaluation: Evaluation;
	profile: Profile;
	/** Every stored answer, counted or not. */
	answers: readonly Answer[];
	lang: ReportLang;
	/** The firm assessed. */
	firm: string;
	/** The consultancy that ran the assessment, when it was one. */
	consultancy: string | null;
	/** Who ran it; null when no person is known (the command line). */
	assessor: string | null;
	assessmentTitle: string | null;
	/** The assessment's state; a report with none (the command line) is a draft. */
	state?: ReportState;
	/** Who signed a final assessment off, and when (Shanghai date); the override when items were open. */
	signOff?: SignOff | null;
	/** Summary by default. */
	edition?: ReportEdition;
	/**
	 * Today in Shanghai (YYYY-MM-DD), to flag overdue actions. It enters the model only when some
	 * action has a due date, so a report whose content does not depend on the date keeps its key.
	 */
	today?: string | null;
	/** When the content last changed: dates the report, so the same content gives the same report. */
	updatedAt: Date;
	/** The comparison with the assessment this one was started from, when there is one. */
	changes?: ChangesInput | null;
	/** The consultancy's logo, when it uploaded one. */
	logo?: ReportLogo | null;
	/** Where each gap's action stands, by item; an item not named is open. */
	actionStatuses?: Readonly<Record<string, ActionStatus>>;
	/** What the consultant wrote: opinion, scope and limitations, an observation per gap. */
	voice?: ConsultantVoice | null;
	/** What the assessment relies on that has lapsed or will by its planned filing date. */
	stale?: readonly StaleWarning[] | null;
	/** Every evidence file of the assessment, each version (the annex lists the latest). */
	evidenceFiles?: readonly ReportEvidenceFileInput[];
	/**
	 * The review comments, when the consultant chose to include them; null or absent: not included
	 * (the default), and the report says nothing of them.
	 */
	comments?: readonly ReportCommentInput[] | null;
}

/** An image for the cover, as a data URL so any renderer (pdfmake, the browser) can show it. */
export interface ReportLogo {
	mime: 'image/png' | 'image/jpeg';
	dataUrl: string;
}

export interface ProvisionQuote {
	id: string;
	/** Verbatim, always Chinese: it is the law. */
	textZh: string;
	/** The Chinese source title and label, e.g. 上海市推进国际金融中心建设条例 第五十条第三款. */
	citation: string;
	/** The English title of the source, in an English or bilingual report. */
	sourceTitleEn: string | null;
	summaryEn: string | null;
	standing: ReportText | null;
	/** Binding, encouraged or context: shown beside every quote. */
	force: ForceClass;
	forceLabel: ReportText;
}

export interface ReportRelatedRule {
	title: string;
	issuer: string;
	date: string | null;
	article: string | null;
	verification: ReportText;
}

/** A provision of the law annex, by its number there. */
export interface ProvisionRef {
	n: number;
	id: string;
	citation: string;
	force: ForceClass;
	forceLabel: ReportText;
}

export interface ReportGap {
	itemId: string;
	/** The provisions cited, by their number in the law annex, with their force. */
	refs: ProvisionRef[];
	basis: Basis;
	basisLabel: ReportText;
	severity: Severity;
	severityLabel: ReportText;
	status: GapStatus;
	statusLabel: ReportText;
	domain: ReportText;
	question: ReportText;
	note: string;
	evidence: string[];
	owner: string | null;
	due: string | null;
	provisions: ProvisionQuote[];
	relatedRules: ReportRelatedRule[];
	remediation: ReportText;
	/** The consultant's own observation on this gap, in the report's language(s); null when none. */
	observation: ReportText | null;
	/** The item's review comments, oldest first; empty when none or when not included. */
	comments: ReportComment[];
}

/** One row of the action plan: the remediation of one gap, who does it and by when. */
export interface ReportAction {
	itemId: string;
	action: ReportText;
	question: ReportText;
	severity: Severity;
	severityLabel: ReportText;
	owner: string | null;
	due: string | null;
	/** Past its due date and not done. */
	overdue: boolean;
	status: ActionStatus;
	statusLabel: ReportText;
}

export interface ReportAnswer {
	itemId: string;
	question: ReportText;
	status: AnswerStatus;
	statusLabel: ReportText;
	note: string;
	evidence: string[];
	owner: string | null;
	due: string | null;
	/** False for an answer to an item the current profile leaves out. */
	counted: boolean;
}

export interface ReportModel {
	lang: ReportLang;
	edition: ReportEdition;
	editionLabel: ReportText;
	/** The assessment's state; `watermark` is printed across every page unless it is final. */
	state: { code: ReportState; label: ReportText; watermark: string | null };
	/** Fixed metadata of the PDF: from the content, never the clock. */
	meta: { title: string; createdAt: string; date: string };
	labels: Record<LabelKey, ReportText>;
	cover: {
		firm: string;
		consultancy: string | null;
		/** The consultancy's logo (the firm's own when it is not a consultancy's report). */
		logo: ReportLogo | null;
		assessor: string | null;
		date: string;
		assessment: string | null;
		/** A short label of the questionnaire version, not its 64-character hash. */
		versionLabel: ReportText;
		state: ReportText;
		/** The reviewer who signed a final report off, and the date. */
		signOff: SignOff | null;
		confidential: ReportText;
		verdict: Verdict;
		verdictLabel: ReportText;
		language: ReportText;
	};
	summary: {
		verdict: Verdict;
		verdictLabel: ReportText;
		reasons: ReportText[];
		score: number | null;
		scoreText: string;
		completeness: ReportText;
		complete: boolean;
		gapCounts: { severity: Severity; label: ReportText; count: number }[];
		totalGaps: number;
		/** "Law current as of …": the latest date the cited national rules were reviewed. */
		lawCurrentAsOf: ReportText | null;
		/** Stale material, never presented as current: lapsed provisions, expired files, old answers. */
		stale: ReportText[];
	};
	/** The first two pages: what a board needs, in words. */
	executive: {
		scope: ReportText;
		/** Profile red flags first (a financial word in the registered name), then the gravest gaps. */
		topRisks: ReportText[];
		/** The first actions by due date; `actionsTotal` counts them all. */
		firstActions: ReportAction[];
		actionsTotal: number;
		overdue: number;
		overdueText: ReportText | null;
	};
	/** The action plan: one row per gap, by due date then severity. */
	actions: ReportAction[];
	/** Applicable items with no answer yet: neither gaps nor compliant. */
	notAssessed: {
		itemId: string;
		question: ReportText;
		domain: ReportText;
		severityLabel: ReportText;
	}[];
	/** Every provision cited, quoted once, numbered in the order first cited. */
	lawAnnex: { n: number; quote: ProvisionQuote }[];
	/** Good-practice items, scored apart: never gaps, never "not ready". */
	goodPractice: {
		scoreText: string;
		completeness: ReportText;
		items: ReportGap[];
	};
	domains: {
		id: string;
		label: ReportText;
		score: number | null;
		scoreText: string;
		answered: number;
		applicable: number;
		/** False below the share of answers a verdict needs: the score says "not yet assessed". */
		assessed: boolean;
	}[];
	gaps: ReportGap[];
	notApplicable: { itemId: string; question: ReportText; reason: string }[];
	profile: { id: string; label: ReportText; answer: ReportText | null }[];
	excluded: { itemId: string; question: ReportText; reason: ReportText }[];
	findings: {
		text: ReportText;
		advice: ReportText;
		provisions: ProvisionQuote[];
		refs: ProvisionRef[];
		conflict: ReportText | null;
	}[];
	answers: ReportAnswer[];
	/** "Changes since …" the previous assessment; null when there was none. */
	changes: ReportChanges | null;
	methodology: { title: ReportText; sections: { heading: ReportText; body: ReportText[] }[] };
	/**
	 * The consultant's voice on the executive summary: their overall opinion and their statement of
	 * scope and limitations (null where not written), signed with who saved it last and the date.
	 */
	voice: ReportVoice;
	/** The evidence files by item, with their hashes (issue 18); empty when none were uploaded. */
	evidenceAnnex: ReportEvidenceItem[];
	/** Whether the consultant chose to print review comments with the gaps. */
	commentsIncluded: boolean;
	/**
	 * Support measures the firm may apply for, matched to the profile (the filing pack's matching),
	 * those that are policy background only last; empty when none matches.
	 */
	support: ReportSupportMeasure[];
}

export interface ReportVoice {
	opinion: ReportText | null;
	scope: ReportText | null;
	/** "Written by … on …", when anything was written. */
	signature: ReportText | null;
	/** The statement's version (0: never saved). */
	version: number;
}

/** The action plan's order: by due date (none last), then severity, then item. */
export function byDueThenSeverity(
	a: { due: string | null; severity: Severity; itemId: string },
	b: { due: string | null; severity: Severity; itemId: string }
): number {
	return (
		(a.due ?? '9999').localeCompare(b.due ?? '9999') ||
		SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
		a.itemId.localeCompare(b.itemId)
	);
}

export function formatScore(score: number | null): string {
	return score === null ? '—' : `${Math.round(score * 100)}%`;
}

/** Everything the gap report says, in its language(s), as plain data for any renderer. */
export function buildReportModel(input: ReportInput, words: Words): ReportModel {
	const { corpus, evaluation, lang } = input;
	const citeStale: CiteProvisions = (ids, l) => citeProvisions(ids, corpus, l);
	const choose = chooser(lang);
	const phrase = phraser(lang, words);
	const local = (t: Localized) => choose(t.zh, t.en);
	const items = new Map(corpus.items.map((i) => [i.id, i]));
	const domains = new Map(corpus.domains.map((d) => [d.id, d]));
	const answers = new Map(input.answers.map((a) => [a.itemId, a]));
	const question = (id: string) => {
		const item = items.get(id);
		return item ? local(item.question) : verbatim(id);
	};
	const quote = provisionQuoter(corpus, lang, words);
	// The law annex: each provision quoted once, numbered in the order the report first cites it.
	const annex = new Map<string, { n: number; quote: ProvisionQuote }>();
	const cite = (ids: readonly string[]): ProvisionRef[] =>
		ids.flatMap((id) => {
			let entry = annex.get(id);
			if (!entry) {
				const [q] = quote(id);
				if (!q) return [];
				entry = { n: annex.size + 1, quote: q };
				annex.set(id, entry);
			}
			const q = entry.quote;
			return [{ n: entry.n, id, citation: q.citation, force: q.force, forceLabel: q.forceLabel }];
		});
	const state = input.state ?? 'draft';
	const edition = input.edition ?? 'summary';
	const { score } = evaluation;
	const date = isoDate(input.updatedAt);
	const verdictLabel = phrase((w) => w.verdict[score.verdict]);

	const comments = input.comments ? commentsByItem(input.comments, lang, words) : null;
	const reportGap = (gap: Gap, goodPractice = false): ReportGap => {
		const item = items.get(gap.itemId) as Item;
		const answer = answers.get(gap.itemId);
		const domain = domains.get(gap.domain);
		return {
			itemId: gap.itemId,
			refs: cite(item.provisions),
			basis: gap.basis,
			basisLabel: phrase((w) => w.basisLabel[gap.basis]),
			severity: gap.severity,
			severityLabel: phrase((w) => w.severityLabel[gap.severity]),
			status: gap.status,
			statusLabel: phrase((w) =>
				goodPractice && (gap.status === 'partial' || gap.status === 'non_compliant')
					? w.goodPracticeStatus[gap.status]
					: w.statusLabel[gap.status]
			),
			domain: domain ? choose(domain.zh, domain.en) : verbatim(gap.domain),
			question: local(item.question),
			note: answer?.note ?? '',
			evidence: answer?.evidence ?? [],
			owner: answer?.owner ?? null,
			due: answer?.due ?? null,
			provisions: item.provisions.flatMap(quote),
			relatedRules: item.related_rules.map((r) => ({
				title: r.title,
				issuer: r.issuer,
				date: r.date,
				// Only a verified article is printed; any other reads "article to be confirmed".
				article: ruleStanding(r) === 'article_verified' ? r.article : null,
				verification: phrase((w) => w.ruleStanding[ruleStanding(r)])
			})),
			remediation: local(item.remediation),
			observation: voiceText(input.voice?.observations[gap.itemId]?.text, lang),
			comments: comments?.get(gap.itemId) ?? []
		};
	};
	const gaps = score.gaps.map((g) => reportGap(g));
	const opportunities = score.opportunities.map((g) => reportGap(g, true));
	const quotedForFindings = new Set<string>();
	const findings = evaluation.result.findings.map((f) => {
		const conflict = corpus.conflicts.find((c) => c.id === f.conflict);
		// One finding per word, and each provision quoted once: under the first word citing it.
		const fresh = f.provisions.filter((id) => !quotedForFindings.has(id));
		fresh.forEach((id) => quotedForFindings.add(id));
		return {
			text: phrase((w) => w.finding(f)),
			advice: phrase((w) => w.findingAdvice(f.licensed)),
			provisions: fresh.flatMap(quote),
			refs: cite(f.provisions),
			conflict: conflict ? choose(conflict.reason_zh, conflict.reason_en) : null
		};
	});
	const today = input.today ?? null;
	const actionState = (itemId: string, due: string | null) => {
		const status = input.actionStatuses?.[itemId] ?? 'open';
		return {
			status,
			statusLabel: phrase((w) => w.actionStatusName[status]),
			overdue: status !== 'done' && today !== null && due !== null && due < today
		};
	};
	const actions = gaps
		.map((g): ReportAction => ({
			itemId: g.itemId,
			action: g.remediation,
			question: g.question,
			severity: g.severity,
			severityLabel: g.severityLabel,
			owner: g.owner,
			due: g.due,
			...actionState(g.itemId, g.due)
		}))
		.sort(byDueThenSeverity);
	const overdue = actions.filter((a) => a.overdue).length;
	// Risks in words, short enough for the summary: the whole question is in the gap register.
	const gapNumber = new Map(score.gaps.map((g, i) => [g.itemId, i + 1]));
	const risks = [
		...findings.map((f) => f.text),
		...score.gaps
			.filter((g) => g.severity === 'critical' || g.severity === 'high')
			.slice(0, Math.max(2, 5 - findings.length))
			.map((g) => {
				const item = items.get(g.itemId);
				const domain = domains.get(g.domain);
				const clipped = (w: ReportWords) => {
					const en = w === words.en;
					return w.gapRisk({
						severity: w.severityLabel[g.severity],
						domain: (en ? domain?.en : domain?.zh) ?? g.domain,
						question: clip((en ? item?.question.en : item?.question.zh) ?? g.itemId, en),
						n: gapNumber.get(g.itemId) ?? 0
					});
				};
				return phrase(clipped);
			})
	];
	const notAssessed = score.unanswered.flatMap((id) => {
		const item = items.get(id);
		if (!item) return [];
		const domain = domains.get(item.domain);
		return [
			{
				itemId: id,
				question: local(item.question),
				domain: domain ? choose(domain.zh, domain.en) : verbatim(item.domain),
				severityLabel: phrase((w) => w.severityLabel[item.severity])
			}
		];
	});
	const notAssessedWord = phrase((w) => w.verdict.not_assessed);
	const hash = evaluation.result.questionnaire_version;
	const asOf = lawCurrentAsOf(corpus);

	const applicable = new Set(evaluation.result.applicable);
	const stored = corpus.items.flatMap((item) => {
		const a = answers.get(item.id);
		return a ? [{ item, answer: a }] : [];
	});

	return {
		lang,
		edition,
		editionLabel: phrase((w) => w.editionName[edition]),
		state: {
			code: state,
			label: phrase((w) => w.state[state]),
			watermark:
				state === 'final'
					? null
					: lang === 'both'
						? `${words.zh.watermark[state]} ${words.en.watermark[state]}`
						: words[lang].watermark[state]
		},
		meta: {
			title: `${words[lang === 'en' ? 'en' : 'zh'].title} · ${input.firm}`,
			createdAt: input.updatedAt.toISOString(),
			date
		},
		labels: Object.fromEntries(labelKeys.map((k) => [k, phrase((w) => w[k])])) as Record<
			LabelKey,
			ReportText
		>,
		cover: {
			firm: input.firm,
			consultancy: input.consultancy,
			logo: input.logo ?? null,
			assessor: input.assessor,
			date,
			assessment: input.assessmentTitle,
			versionLabel: phrase((w) =>
				w.versionLabel({ short: hash.slice(0, 8), items: corpus.items.length })
			),
			state: phrase((w) => w.state[state]),
			signOff: state === 'final' ? (input.signOff ?? null) : null,
			confidential: phrase((w) => w.confidential),
			verdict: score.verdict,
			verdictLabel,
			language: phrase((w) => w.languageName[lang])
		},
		summary: {
			verdict: score.verdict,
			verdictLabel,
			reasons: score.reasons.map((r) => phrase((w) => w.verdictReason(r))),
			score: score.overall.score,
			scoreText:
				score.verdict === 'not_assessed'
					? inlineText(notAssessedWord)
					: formatScore(score.overall.score),
			completeness: phrase((w) => w.answered(score.overall)),
			complete: score.complete,
			gapCounts: SEVERITY_ORDER.map((severity) => ({
				severity,
				label: phrase((w) => w.severityLabel[severity]),
				count: score.gaps.filter((g) => g.severity === severity).length
			})),
			totalGaps: score.gaps.length,
			lawCurrentAsOf: asOf ? phrase((w) => w.lawCurrentAsOf(asOf)) : null,
			stale: (input.stale ?? []).map((x) =>
				choose(
					staleText(x, words.zh.stale, 'zh', citeStale),
					staleText(x, words.en.stale, 'en', citeStale)
				)
			)
		},
		executive: {
			scope: phrase((w) =>
				w.scopeText({
					applicable: evaluation.result.applicable.length,
					excluded: evaluation.result.excluded.length,
					domains: Object.values(score.domains).filter((d) => d.applicable > 0).length
				})
			),
			topRisks: risks.slice(0, 8),
			firstActions: actions.slice(0, 5).map((a) => ({
				...a,
				action: clipText(a.action, lang)
			})),
			actionsTotal: actions.length,
			overdue,
			overdueText: overdue > 0 ? phrase((w) => w.overdueCount(overdue)) : null
		},
		actions,
		notAssessed,
		lawAnnex: [...annex.values()],
		goodPractice: {
			scoreText: formatScore(score.goodPractice.score),
			completeness: phrase((w) => w.answered(score.goodPractice)),
			items: opportunities
		},
		domains: corpus.domains.flatMap((d) => {
			const figures = score.domains[d.id];
			if (!figures) return [];
			const assessed =
				figures.applicable > 0 && figures.answered >= requiredAnswers(figures.applicable);
			return [
				{
					id: d.id,
					label: choose(d.zh, d.en),
					score: figures.score,
					scoreText: assessed ? formatScore(figures.score) : inlineText(notAssessedWord),
					answered: figures.answered,
					applicable: figures.applicable,
					assessed
				}
			];
		}),
		gaps,
		notApplicable: stored
			.filter(({ item, answer }) => applicable.has(item.id) && answer.status === 'not_applicable')
			.map(({ item, answer }) => ({
				itemId: item.id,
				question: local(item.question),
				reason: answer.note
			})),
		profile: corpus.profileQuestions.map((q) => ({
			id: q.id,
			label: local(q.label),
			answer: profileAnswer(input.profile[q.id], q.options, choose, phrase)
		})),
		excluded: evaluation.result.excluded.map((e) => ({
			itemId: e.item_id,
			question: question(e.item_id),
			reason: local(e.reason)
		})),
		findings,
		answers: stored.map(({ item, answer }) => ({
			itemId: item.id,
			question: local(item.question),
			status: answer.status,
			statusLabel: phrase((w) => w.statusLabel[answer.status]),
			note: answer.note,
			evidence: answer.evidence,
			owner: answer.owner,
			due: answer.due,
			counted: applicable.has(item.id)
		})),
		changes: input.changes ? buildReportChanges(input.changes, lang, words) : null,
		methodology: bilingualMethodology(lang),
		voice: reportVoice(input.voice ?? null, lang, phrase),
		evidenceAnnex: buildEvidenceAnnex(input.evidenceFiles ?? [], {
			lang,
			words,
			itemOrder: corpus.items.map((i) => i.id),
			question,
			// Expiry is weighed on the report's day only where the content already depends on it.
			today
		}),
		commentsIncluded: comments !== null,
		support: buildReportSupport({
			corpus,
			profile: input.profile,
			lang,
			// A measure's end date is weighed on the report's day (its sign-off day once final).
			today: today ?? date,
			words,
			quote,
			clip
		})
	};
}

/**
 * A consultant's text in the report's language: the other language's when only that was written;
 * in a bilingual report both, Chinese first. Null when nothing was written.
 */
export function voiceText(text: VoiceText | undefined, lang: ReportLang): ReportText | null {
	const zh = text?.zh.trim() ?? '';
	const en = text?.en.trim() ?? '';
	if (!zh && !en) return null;
	if (lang === 'zh') return { main: zh || en, alt: null };
	if (lang === 'en') return { main: en || zh, alt: null };
	return zh && en ? { main: zh, alt: en } : { main: zh || en, alt: null };
}

function reportVoice(
	voice: ConsultantVoice | null,
	lang: ReportLang,
	phrase: ReturnType<typeof phraser>
): ReportVoice {
	const statement = voice?.statement;
	const opinion = voiceText(statement?.opinion, lang);
	const scope = voiceText(statement?.scope, lang);
	const written = (opinion || scope) && statement?.at;
	return {
		opinion,
		scope,
		signature: written
			? phrase((w) =>
					w.voiceSignature({ name: statement.by ?? '—', date: isoDate(new Date(statement.at!)) })
				)
			: null,
		version: statement?.version ?? 0
	};
}

function provisionQuoter(corpus: Corpus, lang: ReportLang, words: Words) {
	const provisions = new Map(corpus.provisions.map((p) => [p.id, p]));
	const sources = new Map(corpus.sources.map((s) => [s.id, s]));
	const phrase = phraser(lang, words);
	return (id: string): ProvisionQuote[] => {
		const p: Provision | undefined = provisions.get(id);
		if (!p) return [];
		const source = sources.get(p.source);
		const standing = p.status;
		return [
			{
				id: p.id,
				textZh: p.text_zh,
				// English cites by the English title and label; 'both' keeps the Chinese citation and adds the title.
				citation: citeProvision(p, source ? [source] : [], lang === 'en' ? 'en' : 'zh'),
				sourceTitleEn: lang === 'both' ? (source?.title_en ?? null) : null,
				summaryEn: lang === 'zh' ? null : p.summary_en,
				standing: standing === 'in_force' ? null : phrase((w) => w.provisionStatus[standing]),
				force: forceClass(p.force),
				forceLabel: phrase((w) => w.forceLabel[forceClass(p.force)])
			}
		];
	};
}

function profileAnswer(
	value: ProfileValue | undefined,
	options: { value: string; label: Localized }[],
	choose: ReturnType<typeof chooser>,
	phrase: ReturnType<typeof phraser>
): ReportText | null {
	if (value === undefined || value === null) return null;
	if (typeof value === 'boolean') return phrase((w) => (value ? w.yes : w.no));
	const values = Array.isArray(value) ? value : [value];
	if (values.length === 0 || (values.length === 1 && values[0]!.trim() === '')) return null;
	if (options.length === 0) return verbatim(values.join('、'));
	const labels = values.map((v) => options.find((o) => o.value === v)?.label ?? { zh: v, en: v });
	return choose(labels.map((l) => l.zh).join('、'), labels.map((l) => l.en).join(', '));
}

/**
 * The methodology page's own text; in a bilingual report each paragraph is paired with its English.
 * Its short disclaimer is left out: the report ends with the full one.
 */
function bilingualMethodology(lang: ReportLang): ReportModel['methodology'] {
	const zh = methodology('zh');
	const en = methodology('en');
	const choose = chooser(lang);
	return {
		title: choose(zh.title, en.title),
		sections: zh.sections
			.filter((section) => section.id !== 'disclaimer')
			.map((section) => {
				const other = en.sections.find((s) => s.id === section.id);
				return {
					heading: choose(section.heading, other?.heading ?? ''),
					body: section.body.map((line, j) => choose(line, other?.body[j] ?? ''))
				};
			})
	};
}

/** Characters a summary line holds before it is clipped: Chinese is about twice as dense. */
const CLIP = { zh: 60, en: 140 } as const;

/**
 * A long text cut for the summary at a break near the limit, with an ellipsis: the first step of a
 * remediation, the gist of a question. The whole text stands in the register and the plan.
 */
export function clip(text: string, english: boolean): string {
	const max = english ? CLIP.en : CLIP.zh;
	const first = text.split(/\s*(?:；|;)?\s*2[.、．]\s/)[0]!.replace(/^1[.、．]\s*/, '');
	if (first.length <= max) return first;
	const cut = first.slice(0, max);
	const at = Math.max(...[...'，、；,; '].map((c) => cut.lastIndexOf(c)));
	return `${(at > max * 0.6 ? cut.slice(0, at) : cut).trimEnd()}…`;
}

function clipText(t: ReportText, lang: ReportLang): ReportText {
	return {
		main: clip(t.main, lang === 'en'),
		alt: t.alt === null ? null : clip(t.alt, true)
	};
}

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar date in Shanghai (UTC+8 all year), where the firms and their regulator are. */
function isoDate(date: Date): string {
	return new Date(date.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}
