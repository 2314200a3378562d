import { m } from '$lib/paraglide/messages';
import type { Localized } from '$lib/domain/corpus';
import { getLocale } from '$lib/paraglide/runtime';

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

export function verdictLabel(verdict: string): string {
	return verdict === 'ready'
		? m.verdict_ready()
		: verdict === 'ready_with_conditions'
			? m.verdict_ready_with_conditions()
			: m.verdict_not_ready();
}

export function severityLabel(severity: string): string {
	return (
		{
			critical: m.severity_critical(),
			high: m.severity_high(),
			medium: m.severity_medium(),
			low: m.severity_low()
		}[severity] ?? severity
	);
}

export function statusLabel(status: string): string {
	return (
		{
			compliant: m.status_compliant(),
			partial: m.status_partial(),
			non_compliant: m.status_non_compliant(),
			not_applicable: m.status_not_applicable(),
			unanswered: m.status_unanswered()
		}[status] ?? status
	);
}

/** Picks the reader's language from a bilingual corpus field. */
export function local(text: Localized): string {
	return getLocale() === 'en' ? text.en : text.zh;
}

type Reason =
	| { code: 'nothing_applicable' }
	| { code: 'all_not_applicable' }
	| { code: 'critical_not_compliant'; itemIds: string[] }
	| { code: 'score_below_minimum'; score: number; minimum: number }
	| { code: 'incomplete'; unanswered: number }
	| { code: 'high_not_compliant'; itemIds: string[] }
	| { code: 'score_below_ready'; score: number; ready: number }
	| { code: 'all_criteria_met'; score: number };

/** One sentence for each reason behind a verdict. */
export function verdictReasonText(reason: Reason): string {
	const pct = (x: number) => formatPercent(x);
	switch (reason.code) {
		case 'nothing_applicable':
			return m.reason_nothing_applicable();
		case 'all_not_applicable':
			return m.reason_all_not_applicable();
		case 'critical_not_compliant':
			return m.reason_critical({ count: reason.itemIds.length, items: reason.itemIds.join(', ') });
		case 'score_below_minimum':
			return m.reason_below_minimum({ score: pct(reason.score), minimum: pct(reason.minimum) });
		case 'incomplete':
			return m.reason_incomplete({ count: reason.unanswered });
		case 'high_not_compliant':
			return m.reason_high({ count: reason.itemIds.length, items: reason.itemIds.join(', ') });
		case 'score_below_ready':
			return m.reason_below_ready({ score: pct(reason.score), ready: pct(reason.ready) });
		case 'all_criteria_met':
			return m.reason_all_met({ score: pct(reason.score) });
	}
}
