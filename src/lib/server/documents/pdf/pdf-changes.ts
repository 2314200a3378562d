import type { Content, TableCell } from 'pdfmake/interfaces';
import type { ReportModel } from '../../../domain/report-model';
import { colours, inline, para, paraFit, sizes } from './pdf-text';
import { ID_WIDTH, section, table } from './pdf-tables';
import { columnWidths } from './typeset';

const changeColour = {
	improved: colours.good,
	regressed: colours.critical,
	new: colours.ink,
	removed: colours.muted,
	not_applicable_changed: colours.muted,
	unchanged: colours.muted
} as const;

/** "Changes since …": scores per domain before and after, then every item that changed. */
export function changesSection(model: ReportModel): Content {
	const c = model.changes;
	if (!c) return [];
	const l = model.labels;
	const dw = columnWidths(['*', 60, 60, 50]);
	const score = (v: string) => ({ text: v, alignment: 'right' as const, noWrap: true });
	const domainRows: TableCell[][] = [
		[
			{ text: inline(l.compareOverall), bold: true },
			score(c.overall.before),
			score(c.overall.after),
			score(c.overall.delta)
		],
		...c.domains.map((d): TableCell[] => [
			paraFit(d.label, dw[0]!, sizes.table, sizes.table),
			score(d.before),
			score(d.after),
			score(d.delta)
		])
	];
	const iw = columnWidths([ID_WIDTH, '*', 62, 62, 62]);
	const itemRows = c.items.map((i): TableCell[] => [
		{ text: i.itemId, noWrap: true },
		paraFit(i.question, iw[1]!, sizes.table, sizes.table),
		{ text: inline(i.changeLabel), color: changeColour[i.change] },
		{ text: inline(i.before) },
		{ text: inline(i.after) }
	]);
	return section(c.title, [
		para(c.lead, 'muted'),
		table(dw, [l.domain, l.compareBefore, l.compareAfter, l.compareDelta], domainRows),
		{ text: '', margin: [0, 8, 0, 0] },
		itemRows.length
			? table(iw, [l.item, l.question, l.compareChange, l.compareBefore, l.compareAfter], itemRows)
			: para(l.compareNoChanges)
	]);
}
