import { stringify } from 'csv-stringify/sync';
import { formatPercent, local } from '$lib/labels/assessment';
import { changeLabel, formatDelta, standingLabel } from '$lib/labels/compare';
import { m } from '$lib/paraglide/messages';
import type { Comparison } from '$lib/domain/compare';

/** Excel reads a UTF-8 file as the local code page unless it starts with a byte-order mark. */
const BOM = '\uFEFF';

/**
 * The comparison as CSV in the reader's language: the overall score and each domain's, then each
 * item with its change. One header row; a `kind` column tells the rows apart.
 */
export function comparisonCsv(c: Comparison): string {
	const rows: string[][] = [
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
			formatDelta(c.overall.delta)
		],
		...c.domains.map((d) => [
			'domain',
			d.id,
			local(d.label),
			'',
			formatPercent(d.before),
			formatPercent(d.after),
			formatDelta(d.delta)
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
	return BOM + stringify(rows, { record_delimiter: 'windows' });
}
