import { formatPercent, local } from '$lib/labels/assessment';
import { changeLabel, standingLabel } from '$lib/labels/compare';
import { m } from '$lib/paraglide/messages';
import type { Comparison } from '$lib/domain/compare';
import { spreadsheetCsv } from './csv';

/**
 * A change in percentage points as a number, so a spreadsheet can sum and sort it: `5` and `-3`
 * (the page's `+5` and `−3` would be a formula and text), empty when either side has no score.
 */
const points = (delta: number | null): number | null =>
	delta === null ? null : Math.round(delta * 100);

/**
 * The comparison as CSV in the reader's language: the overall score and each domain's, then each
 * item with its change. One header row; a `kind` column tells the rows apart. Safe to open in any
 * spreadsheet (`spreadsheetCsv`): a question or domain name cannot become a formula.
 */
export function comparisonCsv(c: Comparison): string {
	const rows: (string | number | null)[][] = [
		[
			'kind',
			'id',
			m.compare_domain(),
			m.compare_item(),
			m.compare_before(),
			m.compare_after(),
			m.compare_change()
		],
		[
			'overall',
			'',
			m.compare_overall(),
			'',
			formatPercent(c.overall.before),
			formatPercent(c.overall.after),
			points(c.overall.delta)
		],
		...c.domains.map((d) => [
			'domain',
			d.id,
			local(d.label),
			'',
			formatPercent(d.before),
			formatPercent(d.after),
			points(d.delta)
		]),
		...c.items.map((i) => [
			'item',
			i.itemId,
			local(c.domains.find((d) => d.id === i.domain)?.label ?? { zh: i.domain, en: i.domain }),
			local(i.question),
			standingLabel(i.before),
			standingLabel(i.after),
			changeLabel(i.change)
		])
	];
	return spreadsheetCsv(rows);
}
