import type { Content, TableCell } from 'pdfmake/interfaces';
import type { ReportModel } from '../../../domain/report-model';
import type { ReportText } from '../../../domain/report-text';
import { actionTable } from './pdf-cover';
import { colours, heading, inline, keepWithNext, para, paraFit, sizes, userFit } from './pdf-text';
import { columnWidths, CONTENT_WIDTH } from './typeset';

export function headerRow(labels: ReportText[]): TableCell[] {
	return labels.map((l) => ({ text: inline(l), style: 'tableHeader' }));
}

/** A table whose header repeats on every page it runs over; widths from `columnWidths`. */
export function table(widths: number[], header: ReportText[], rows: TableCell[][]): Content {
	return {
		table: { widths, headerRows: 1, body: [headerRow(header), ...rows] },
		layout: 'lightHorizontalLines',
		fontSize: sizes.table
	};
}

export function section(title: ReportText, body: Content[], pageBreak = true): Content {
	const [first, ...rest] = body;
	return [
		...(pageBreak ? [{ text: '', pageBreak: 'before' as const }] : []),
		// The heading keeps its first line of content with it (a lead paragraph, not a table).
		...(first && !('table' in (first as object))
			? [keepWithNext(heading(title), first), ...rest]
			: [heading(title), ...body])
	];
}

export const ID_WIDTH = 48;

/** The action plan: one row per gap, by due date then severity, overdue ones marked. */
export function actionPlan(model: ReportModel): Content {
	const l = model.labels;
	return section(l.actionPlan, [
		para(l.actionPlanLead, 'muted'),
		...(model.executive.overdueText ? [para(model.executive.overdueText, 'muted')] : []),
		model.actions.length ? actionTable(model, model.actions, true) : para(l.noGaps)
	]);
}

/** Applicable items with no answer yet: a compact table, apart from the gaps. */
export function notAssessed(model: ReportModel): Content {
	const l = model.labels;
	const w = columnWidths([ID_WIDTH, '*', 110]);
	const rows = model.notAssessed.map((n): TableCell[] => [
		{ text: n.itemId, noWrap: true },
		paraFit(n.question, w[1]!, sizes.small, sizes.small),
		paraFit(n.domain, w[2]!, sizes.small, sizes.small)
	]);
	return section(
		l.notAssessedTitle,
		[
			para(l.notAssessedLead, 'muted'),
			rows.length ? table(w, [l.item, l.question, l.domain], rows) : para(l.notAssessedNone)
		],
		false
	);
}

export function notApplicable(model: ReportModel): Content {
	const l = model.labels;
	const w = columnWidths([ID_WIDTH, '*', 150]);
	const rows = model.notApplicable.map((n): TableCell[] => [
		{ text: n.itemId, noWrap: true },
		paraFit(n.question, w[1]!, sizes.table, sizes.table),
		userFit(n.reason, w[2]!, sizes.table)
	]);
	return section(l.notApplicable, [
		rows.length ? table(w, [l.item, l.question, l.reason], rows) : para(l.notApplicableNone)
	]);
}

function findings(model: ReportModel): Content[] {
	return model.findings.map((f): Content => ({
		stack: [
			para(f.text, 'gapTitle'),
			para(f.advice, 'muted'),
			...(f.refs.length
				? [
						{
							text: f.refs
								.map((r) => `[${r.n}] ${r.citation} · ${inline(r.forceLabel)}`)
								.join('\n'),
							style: 'citation'
						}
					]
				: []),
			...(f.conflict ? [para(f.conflict, 'small')] : [])
		],
		margin: [0, 4, 0, 6]
	}));
}

export function profile(model: ReportModel): Content {
	const l = model.labels;
	const answered = model.profile.some((p) => p.answer !== null);
	const pw = columnWidths([150, '*']);
	const ew = columnWidths([ID_WIDTH, '*', 170]);
	const excluded = model.excluded.map((e): TableCell[] => [
		{ text: e.itemId, noWrap: true },
		paraFit(e.question, ew[1]!, sizes.table, sizes.table),
		paraFit(e.reason, ew[2]!, sizes.table, sizes.table)
	]);
	const found = findings(model);
	return section(l.profile, [
		{ text: inline(l.profileAnswers), style: 'h2' },
		answered
			? table(
					pw,
					[l.profileAnswers, l.status],
					model.profile.map((p): TableCell[] => [
						para(p.label),
						p.answer
							? paraFit(p.answer, pw[1]!, sizes.table, sizes.table)
							: { text: inline(l.notAnswered), style: 'muted' }
					])
				)
			: para(l.profileEmpty),
		{ text: inline(l.findings), style: 'h2' },
		...(found.length ? found : [para(l.findingsNone)]),
		{ text: inline(l.excluded), style: 'h2' },
		excluded.length ? table(ew, [l.item, l.question, l.reason], excluded) : para(l.excludedNone)
	]);
}

export function appendix(model: ReportModel): Content {
	const l = model.labels;
	const w = columnWidths([44, '*', 54, 130, 52, 50]);
	const rows = model.answers.map((a): TableCell[] => [
		{ text: a.itemId, noWrap: true },
		{
			stack: [
				paraFit(a.question, w[1]!, sizes.small, sizes.small),
				...(a.counted ? [] : [{ text: inline(l.outOfScope), style: ['small', 'muted'] }])
			]
		},
		{ text: inline(a.statusLabel) },
		{
			stack: [
				userFit(a.note, w[3]!, sizes.table),
				...(a.evidence.length
					? [{ ...userFit(a.evidence.join('\n'), w[3]!, sizes.small), color: colours.muted }]
					: [])
			]
		},
		userFit(a.owner, w[4]!, sizes.table),
		{ text: a.due ?? '—', noWrap: true }
	]);
	return section(l.appendixAnswers, [
		rows.length
			? table(w, [l.item, l.question, l.status, l.note, l.owner, l.due], rows)
			: para(l.answersNone)
	]);
}

export function methodologySection(model: ReportModel): Content {
	return section(
		model.methodology.title,
		model.methodology.sections.map((s): Content => ({
			stack: [
				{ text: inline(s.heading), style: 'h2' },
				...s.body.map((b): Content => ({
					stack: [paraFit(b, CONTENT_WIDTH)],
					margin: [0, 0, 0, 4]
				}))
			]
		}))
	);
}

export function disclaimer(model: ReportModel): Content {
	return section(
		model.labels.disclaimer,
		[paraFit(model.labels.disclaimerText, CONTENT_WIDTH)],
		false
	);
}
