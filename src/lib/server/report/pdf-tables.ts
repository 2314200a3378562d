import type { Content, TableCell } from 'pdfmake/interfaces';
import type { ReportModel } from '../../domain/report-model';
import type { ReportText } from '../../domain/report-text';
import { provisionQuote } from './pdf-gaps';
import { colours, heading, inline, para, userText } from './pdf-text';

function headerRow(labels: ReportText[]): TableCell[] {
	return labels.map((l) => ({ text: inline(l), style: 'tableHeader' }));
}

/** A table whose header repeats on every page it runs over. */
function table(widths: (number | string)[], header: ReportText[], rows: TableCell[][]): Content {
	return {
		table: { widths, headerRows: 1, body: [headerRow(header), ...rows] },
		layout: 'lightHorizontalLines',
		fontSize: 8.5
	};
}

function section(title: ReportText, body: Content[], pageBreak = true): Content {
	return [
		...(pageBreak ? [{ text: '', pageBreak: 'before' as const }] : []),
		heading(title),
		...body
	];
}

export function actionPlan(model: ReportModel): Content {
	const l = model.labels;
	const rows = model.gaps.map((g): TableCell[] => [
		{ text: g.itemId, noWrap: true },
		para(g.question),
		userText(g.owner),
		{ text: g.due ?? '—', noWrap: true },
		{ text: inline(g.severityLabel), color: colours[g.severity] }
	]);
	return section(l.actionPlan, [
		rows.length
			? table([48, '*', 70, 52, 52], [l.item, l.gap, l.owner, l.due, l.severity], rows)
			: para(l.noGaps)
	]);
}

export function notApplicable(model: ReportModel): Content {
	const l = model.labels;
	const rows = model.notApplicable.map((n): TableCell[] => [
		{ text: n.itemId, noWrap: true },
		para(n.question),
		userText(n.reason)
	]);
	return section(l.notApplicable, [
		rows.length
			? table([48, '*', 150], [l.item, l.question, l.reason], rows)
			: para(l.notApplicableNone)
	]);
}

export function profile(model: ReportModel): Content {
	const l = model.labels;
	const answered = model.profile.some((p) => p.answer !== null);
	const findings = model.findings.map((f): Content => ({
		stack: [
			para(f.text, 'gapTitle'),
			para(f.advice, 'muted'),
			...f.provisions.map((p) => provisionQuote(p, model)),
			...(f.conflict ? [para(f.conflict, 'small')] : [])
		],
		margin: [0, 4, 0, 6]
	}));
	const excluded = model.excluded.map((e): TableCell[] => [
		{ text: e.itemId, noWrap: true },
		para(e.question),
		para(e.reason)
	]);
	return section(l.profile, [
		{ text: inline(l.profileAnswers), style: 'h2' },
		answered
			? table(
					[150, '*'],
					[l.profileAnswers, l.status],
					model.profile.map((p): TableCell[] => [
						para(p.label),
						p.answer ? para(p.answer) : { text: inline(l.notAnswered), style: 'muted' }
					])
				)
			: para(l.profileEmpty),
		{ text: inline(l.findings), style: 'h2' },
		...(findings.length ? findings : [para(l.findingsNone)]),
		{ text: inline(l.excluded), style: 'h2' },
		excluded.length
			? table([48, '*', 170], [l.item, l.question, l.reason], excluded)
			: para(l.excludedNone)
	]);
}

export function appendix(model: ReportModel): Content {
	const l = model.labels;
	const rows = model.answers.map((a): TableCell[] => [
		{ text: a.itemId, noWrap: true },
		{
			stack: [
				para(a.question, 'small'),
				...(a.counted ? [] : [{ text: inline(l.outOfScope), style: ['small', 'muted'] }])
			]
		},
		{ text: inline(a.statusLabel) },
		{
			stack: [
				userText(a.note),
				...(a.evidence.length ? [{ text: a.evidence.join('\n'), style: ['small', 'muted'] }] : [])
			]
		},
		userText(a.owner),
		{ text: a.due ?? '—', noWrap: true }
	]);
	return section(l.appendixAnswers, [
		rows.length
			? table(
					[44, '*', 54, 130, 52, 50],
					[l.item, l.question, l.status, l.note, l.owner, l.due],
					rows
				)
			: para(l.answersNone)
	]);
}

export function methodologySection(model: ReportModel): Content {
	return section(
		model.methodology.title,
		model.methodology.sections.map((s): Content => ({
			stack: [
				{ text: inline(s.heading), style: 'h2' },
				...s.body.map((b): Content => ({ stack: [para(b)], margin: [0, 0, 0, 4] }))
			]
		}))
	);
}

export function disclaimer(model: ReportModel): Content {
	return section(model.labels.disclaimer, [para(model.labels.disclaimerText)], false);
}
