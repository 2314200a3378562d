import { m } from '$lib/paraglide/messages';
import type { Localized } from '$lib/domain/corpus';
import type { VerdictReason } from '$lib/domain/scoring';
import { NOTE_LIMIT, type AnswerProblem } from '$lib/domain/answer-rules';
import { getLocale, type Locale } from '$lib/paraglide/runtime';

/** A language other than the request's, for a report in a chosen language. */
type In = { locale?: Locale };

export function formatPercent(score: number | null): string {
	return score === null ? '—' : `${Math.round(score * 100)}%`;
}

export function stateLabel(state: string): string {
	return state === 'final'
		? m.state_final()
		: state === 'in_review'
			? m.state_in_review()
			: m.state_draft();
}

export function verdictLabel(verdict: string, o: In = {}): string {
	return verdict === 'ready'
		? m.verdict_ready({}, o)
		: verdict === 'ready_with_conditions'
			? m.verdict_ready_with_conditions({}, o)
			: verdict === 'not_assessed'
				? m.bank_verdict_not_assessed({}, o)
				: m.verdict_not_ready({}, o);
}

export function severityLabel(severity: string, o: In = {}): string {
	return (
		{
			critical: m.severity_critical({}, o),
			high: m.severity_high({}, o),
			medium: m.severity_medium({}, o),
			low: m.severity_low({}, o)
		}[severity] ?? severity
	);
}

export function statusLabel(status: string, o: In = {}): string {
	return (
		{
			compliant: m.status_compliant({}, o),
			partial: m.status_partial({}, o),
			non_compliant: m.status_non_compliant({}, o),
			not_applicable: m.status_not_applicable({}, o),
			unanswered: m.status_unanswered({}, o)
		}[status] ?? status
	);
}

/** A reviewer's decision on an item: accepted, changes requested, or not yet reviewed. */
export function reviewStatusLabel(status: string): string {
	return status === 'accepted'
		? m.clients_review_accepted()
		: status === 'changes_requested'
			? m.clients_review_changes_requested()
			: m.clients_review_pending();
}

/** Picks the reader's language from a bilingual corpus field. */
export function local(text: Localized): string {
	return getLocale() === 'en' ? text.en : text.zh;
}

/** One sentence for each reason behind a verdict. */
export function verdictReasonText(reason: VerdictReason, o: In = {}): string {
	const pct = (x: number) => formatPercent(x);
	switch (reason.code) {
		case 'nothing_applicable':
			return m.reason_nothing_applicable({}, o);
		case 'all_not_applicable':
			return m.reason_all_not_applicable({}, o);
		case 'too_few_answered':
			return m.bank_reason_too_few_answered(
				{ answered: reason.answered, required: reason.required, applicable: reason.applicable },
				o
			);
		case 'critical_not_compliant':
			return m.reason_critical(
				{ count: reason.itemIds.length, items: reason.itemIds.join(', ') },
				o
			);
		case 'score_below_minimum':
			return m.reason_below_minimum({ score: pct(reason.score), minimum: pct(reason.minimum) }, o);
		case 'incomplete':
			return m.reason_incomplete({ count: reason.unanswered }, o);
		case 'high_not_compliant':
			return m.reason_high({ count: reason.itemIds.length, items: reason.itemIds.join(', ') }, o);
		case 'score_below_ready':
			return m.reason_below_ready({ score: pct(reason.score), ready: pct(reason.ready) }, o);
		case 'all_criteria_met':
			return m.reason_all_met({ score: pct(reason.score) }, o);
	}
}

/** Why the server refused an answer, beside the field concerned. */
export function answerProblemText(problem: AnswerProblem): string {
	switch (problem.code) {
		case 'na_refused':
			return m.err_na_refused();
		case 'na_reason_required':
			return m.err_na_reason();
		case 'too_long':
			return m.answering_err_note_too_long({ max: NOTE_LIMIT });
		case 'bidi_control':
			return m.harden_err_bidi_control();
	}
}
