import type { Content, TableCell } from 'pdfmake/interfaces';
import type { ReportModel } from '../../../domain/report-model';
import type { ReportText } from '../../../domain/report-text';
import { colours, heading, inline, para, verdictColour } from './pdf-text';

/** The consultancy's logo at the top of the cover, fitted into a modest box. */
function coverLogo(model: ReportModel): Content[] {
	const logo = model.cover.logo;
	return logo ? [{ image: logo.dataUrl, fit: [160, 60], margin: [0, 0, 0, 0] }] : [];
}

function field(label: ReportText, value: Content): TableCell[] {
	return [{ text: inline(label), style: 'label', margin: [0, 2, 8, 2] }, value];
}

export function cover(model: ReportModel): Content {
	const { cover: c, labels: l } = model;
	const rows: TableCell[][] = [
		field(l.coverFirm, { text: c.firm }),
		...(c.consultancy ? [field(l.coverConsultancy, { text: c.consultancy })] : []),
		field(l.coverAssessor, { text: c.assessor }),
		field(l.coverDate, { text: c.date }),
		...(c.assessment ? [field(l.coverAssessment, { text: c.assessment })] : []),
		field(l.coverVersion, { text: c.versionHash, fontSize: 7.5 }),
		field(l.coverVerdict, {
			text: inline(c.verdictLabel),
			bold: true,
			color: verdictColour[c.verdict]
		}),
		field(l.coverLanguage, { text: inline(c.language) })
	];
	return {
		stack: [
			...coverLogo(model),
			{ text: inline(l.appName), color: colours.accent, fontSize: 11, margin: [0, 80, 0, 8] },
			{ text: l.title.main, style: 'coverTitle' },
			...(l.title.alt ? [{ text: l.title.alt, fontSize: 16, color: colours.muted }] : []),
			{ text: c.firm, style: 'coverFirm' },
			{ table: { widths: [130, '*'], body: rows }, layout: 'noBorders' }
		],
		pageBreak: 'after'
	};
}

export function summary(model: ReportModel): Content {
	const { summary: s, labels: l } = model;
	return [
		heading(l.summary),
		{
			columns: [
				{
					width: 120,
					stack: [
						{ text: inline(l.score), style: 'label' },
						{ text: s.scoreText, fontSize: 28, bold: true }
					]
				},
				{
					width: '*',
					stack: [
						{ text: inline(l.coverVerdict), style: 'label' },
						{
							text: inline(s.verdictLabel),
							fontSize: 16,
							bold: true,
							color: verdictColour[s.verdict]
						}
					]
				}
			],
			margin: [0, 4, 0, 8]
		},
		{ text: inline(l.reasons), style: 'h2' },
		{ ul: s.reasons.map((r) => para(r)) },
		{ text: inline(l.completeness), style: 'h2' },
		para(s.completeness),
		...(s.complete ? [] : [para(l.incomplete, 'muted')]),
		{ text: inline(l.gapsBySeverity), style: 'h2' },
		{
			table: {
				widths: ['*', 60],
				body: [
					...s.gapCounts.map((g) => [
						{ text: inline(g.label), color: colours[g.severity] },
						{ text: String(g.count), alignment: 'right' as const }
					]),
					[
						{ text: inline(l.total), bold: true },
						{ text: String(s.totalGaps), bold: true, alignment: 'right' as const }
					]
				]
			},
			layout: 'lightHorizontalLines'
		},
		{ text: inline(l.goodPractice), style: 'h2' },
		para(l.goodPracticeLead, 'muted'),
		para({
			main: `${model.goodPractice.scoreText} · ${model.goodPractice.completeness.main}`,
			alt: model.goodPractice.completeness.alt
		}),
		...(s.lawCurrentAsOf ? [para(s.lawCurrentAsOf, 'muted')] : [])
	];
}
