import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import type { ReportWords, Words } from '$lib/domain/report-text';
import { severityLabel, statusLabel, verdictLabel, verdictReasonText } from './assessment';
import { changeLabel, standingLabel } from './compare';
import {
	basisLabel,
	findingText,
	forceClassHint,
	forceClassLabel,
	ruleStandingShort
} from './bank';
import { itemChanges } from '$lib/domain/compare';
import { answerStatuses } from '$lib/domain/scoring';
import { staleWords } from './pack-words';

const withHint = (label: string, hint: string, locale: Locale) =>
	locale === 'zh' ? `${label}（${hint}）` : `${label} (${hint})`;

/** The report's words in one language, from the same message catalogue as the web pages. */
function wordsIn(locale: Locale): ReportWords {
	const o = { locale };
	return {
		appName: m.app_name({}, o),
		title: m.report_title({}, o),
		coverFirm: m.report_cover_firm({}, o),
		coverConsultancy: m.report_cover_consultancy({}, o),
		coverAssessor: m.report_cover_assessor({}, o),
		coverDate: m.report_cover_date({}, o),
		coverAssessment: m.report_cover_assessment({}, o),
		coverVersion: m.report_cover_version({}, o),
		coverVerdict: m.result_verdict({}, o),
		coverLanguage: m.report_cover_language({}, o),
		contents: m.report_contents({}, o),
		summary: m.report_summary({}, o),
		reasons: m.report_reasons({}, o),
		score: m.result_score({}, o),
		completeness: m.report_completeness({}, o),
		incomplete: m.result_incomplete({}, o),
		gapsBySeverity: m.report_gaps_by_severity({}, o),
		total: m.report_total({}, o),
		byDomain: m.result_by_domain({}, o),
		gapRegister: m.report_gap_register({}, o),
		gapRegisterLead: m.report_gap_register_lead({}, o),
		noGaps: m.result_no_gaps({}, o),
		item: m.report_item({}, o),
		question: m.library_col_question({}, o),
		status: m.answer_status({}, o),
		note: m.answer_note({}, o),
		evidence: m.answer_evidence({}, o),
		provision: m.report_provision({}, o),
		noProvision: m.report_no_provision({}, o),
		summaryEn: m.library_summary_en({}, o),
		relatedRules: m.library_related_rules({}, o),
		ruleTitle: m.library_rule_title({}, o),
		ruleIssuer: m.library_issuer({}, o),
		ruleDate: m.library_rule_date({}, o),
		ruleArticle: m.library_rule_article({}, o),
		ruleVerification: m.library_rule_verification({}, o),
		remediation: m.library_remediation({}, o),
		owner: m.answer_owner({}, o),
		due: m.answer_due({}, o),
		severity: m.library_severity({}, o),
		domain: m.library_filter_domain({}, o),
		actionPlan: m.report_action_plan({}, o),
		gap: m.report_gap({}, o),
		notApplicable: m.report_not_applicable({}, o),
		notApplicableNone: m.report_not_applicable_none({}, o),
		reason: m.report_reason({}, o),
		profile: m.profile_title({}, o),
		profileAnswers: m.report_profile_answers({}, o),
		profileEmpty: m.report_profile_empty({}, o),
		notAnswered: m.report_not_answered({}, o),
		excluded: m.report_excluded({}, o),
		excludedNone: m.report_excluded_none({}, o),
		findings: m.result_findings({}, o),
		findingsNone: m.report_findings_none({}, o),
		appendixAnswers: m.report_appendix_answers({}, o),
		answersNone: m.report_answers_none({}, o),
		outOfScope: m.report_out_of_scope({}, o),
		disclaimer: m.report_disclaimer({}, o),
		disclaimerText: m.report_disclaimer_text({}, o),
		changesLead: m.compare_report_lead({}, o),
		compareBefore: m.compare_before({}, o),
		compareAfter: m.compare_after({}, o),
		compareDelta: m.compare_delta({}, o),
		compareOverall: m.compare_overall({}, o),
		compareChange: m.compare_change({}, o),
		compareNoChanges: m.compare_no_changes({}, o),
		basis: m.bank_basis_label({}, o),
		goodPractice: m.bank_good_practice_title({}, o),
		goodPracticeLead: m.bank_good_practice_intro({}, o),
		goodPracticeNone: m.bank_good_practice_none({}, o),
		pageOf: m.report_page_of({ page: '{page}', pages: '{pages}' }, o),
		coverState: m.report_cover_state({}, o),
		coverReviewer: m.report_cover_reviewer({}, o),
		coverSignedOff: m.report_cover_signed_off({}, o),
		confidential: m.report_confidential({}, o),
		notAssessedTitle: m.report_not_assessed_title({}, o),
		notAssessedLead: m.report_not_assessed_lead({}, o),
		notAssessedNone: m.report_not_assessed_none({}, o),
		notAssessedShort: m.report_not_assessed_short({}, o),
		executiveSummary: m.report_executive_summary({}, o),
		scope: m.report_scope({}, o),
		topRisks: m.report_top_risks({}, o),
		topRisksNone: m.report_top_risks_none({}, o),
		firstActions: m.report_first_actions({}, o),
		action: m.report_action({}, o),
		actionsNone: m.report_actions_none({}, o),
		overdue: m.report_overdue({}, o),
		lawAnnex: m.report_law_annex({}, o),
		lawAnnexLead: m.report_law_annex_lead({}, o),
		lawAnnexNone: m.report_law_annex_none({}, o),
		citedProvisions: m.report_cited_provisions({}, o),
		moreInActionPlan: m.report_more_in_action_plan({}, o),
		goodPracticeResults: m.report_good_practice_results({}, o),
		edition: m.report_edition({}, o),
		actionStatus: m.report_action_status({}, o),
		actionPlanLead: m.report_action_plan_lead({}, o),
		voiceOpinion: m.voice_opinion({}, o),
		voiceScope: m.voice_scope({}, o),
		voiceObservation: m.voice_observation({}, o),
		voiceSignature: (v) => m.voice_signature(v, o),
		staleHeading: m.pack_stale_heading({}, o),
		stale: staleWords(locale),
		evidenceAnnex: m.annex_evidence_title({}, o),
		evidenceAnnexLead: m.annex_evidence_lead({}, o),
		annexFile: m.annex_file({}, o),
		annexSize: m.annex_size({}, o),
		annexUploaded: m.annex_uploaded({}, o),
		annexEffective: m.annex_effective({}, o),
		annexExpires: m.annex_expires({}, o),
		annexDecision: m.annex_decision({}, o),
		annexSha256: m.annex_sha256({}, o),
		reviewComments: m.annex_comments({}, o),
		// Support measures: the filing pack's words, and two of the report's own.
		supportHeading: m.pack_support_heading({}, o),
		supportLead: m.pack_support_lead({}, o),
		supportShortLead: m.report_support_short_lead({}, o),
		supportNone: m.report_support_none({}, o),
		supportBackground: m.pack_support_background({}, o),
		supportBackgroundSuperseded: m.pack_support_background_superseded({ by: '{by}' }, o),
		supportBackgroundExpired: m.pack_support_background_expired({ date: '{date}' }, o),
		supportBackgroundOvertaken: m.pack_support_background_overtaken({ date: '{date}' }, o),
		evidenceDecision: {
			pending: m.evidence_status_pending({}, o),
			accepted: m.evidence_status_accepted({}, o),
			rejected: m.evidence_status_rejected({}, o)
		},
		annexVersion: (version) => m.annex_version({ version }, o),
		annexNoExpiry: m.annex_no_expiry({}, o),
		annexExpired: m.annex_expired({}, o),
		annexReconfirm: m.annex_reconfirm({}, o),
		commentBy: (c) => m.annex_comment_by(c, o),
		actionStatusName: {
			open: m.report_action_status_open({}, o),
			in_progress: m.report_action_status_in_progress({}, o),
			done: m.report_action_status_done({}, o)
		},
		state: {
			draft: m.report_state_draft({}, o),
			in_review: m.report_state_in_review({}, o),
			final: m.report_state_final({}, o)
		},
		watermark: {
			draft: m.report_watermark_draft({}, o),
			in_review: m.report_watermark_in_review({}, o)
		},
		editionName: {
			summary: m.report_edition_summary({}, o),
			full: m.report_edition_full({}, o)
		},
		scopeText: (f) => m.report_scope_text(f, o),
		versionLabel: (v) => m.report_version_label(v, o),
		overdueCount: (count) => m.report_overdue_count({ count }, o),
		gapRisk: (g) => m.report_gap_risk(g, o),
		languageName: {
			zh: m.report_lang_zh({}, o),
			en: m.report_lang_en({}, o),
			both: m.report_lang_both({}, o)
		},
		yes: m.yes({}, o),
		no: m.no({}, o),
		verdict: {
			ready: verdictLabel('ready', o),
			ready_with_conditions: verdictLabel('ready_with_conditions', o),
			not_ready: verdictLabel('not_ready', o),
			not_assessed: verdictLabel('not_assessed', o)
		},
		basisLabel: {
			obligation: basisLabel('obligation', o),
			entry_condition: basisLabel('entry_condition', o),
			good_practice: basisLabel('good_practice', o)
		},
		// The force with what it asks of the firm: "binding (a must or must-not …)".
		forceLabel: {
			binding: withHint(forceClassLabel('binding', o), forceClassHint('binding', o), locale),
			encouraged: withHint(
				forceClassLabel('encouraged', o),
				forceClassHint('encouraged', o),
				locale
			),
			context: withHint(forceClassLabel('context', o), forceClassHint('context', o), locale)
		},
		lawCurrentAsOf: (date) => m.bank_law_current_as_of({ date }, o),
		severityLabel: {
			critical: severityLabel('critical', o),
			high: severityLabel('high', o),
			medium: severityLabel('medium', o),
			low: severityLabel('low', o)
		},
		statusLabel: {
			compliant: statusLabel('compliant', o),
			partial: statusLabel('partial', o),
			non_compliant: statusLabel('non_compliant', o),
			not_applicable: statusLabel('not_applicable', o),
			unanswered: statusLabel('unanswered', o)
		},
		goodPracticeStatus: {
			partial: m.bank_good_practice_partial({}, o),
			non_compliant: m.bank_good_practice_not_in_place({}, o)
		},
		ruleStanding: {
			article_verified: ruleStandingShort('article_verified', o),
			article_to_confirm: ruleStandingShort('article_to_confirm', o),
			unverified: ruleStandingShort('unverified', o)
		},
		provisionStatus: {
			superseded: m.provision_superseded({}, o),
			expired: m.provision_expired({}, o)
		},
		verdictReason: (reason) => verdictReasonText(reason, o),
		answered: (f) =>
			m.result_answered({ answered: f.answered, applicable: f.applicable, na: f.notApplicable }, o),
		finding: (f) => findingText(f, o),
		findingAdvice: (licensed) =>
			licensed ? m.finding_licensed({}, o) : m.finding_unlicensed({}, o),
		changesSince: (title, date) => m.compare_report_title({ title, date }, o),
		change: Object.fromEntries(itemChanges.map((c) => [c, changeLabel(c, o)])) as Record<
			(typeof itemChanges)[number],
			string
		>,
		standing: {
			out_of_scope: standingLabel('out_of_scope', o),
			unanswered: standingLabel('unanswered', o),
			...(Object.fromEntries(answerStatuses.map((s) => [s, statusLabel(s, o)])) as Record<
				(typeof answerStatuses)[number],
				string
			>)
		}
	};
}

/** Both languages' words: a bilingual report needs both whatever the reader's language. */
export function reportWords(): Words {
	return { zh: wordsIn('zh'), en: wordsIn('en') };
}
