import type { Content, TableCell } from 'pdfmake/interfaces';
import type { ReportAction, ReportModel } from '../../../domain/report-model';
import type { ReportText } from '../../../domain/report-text';
import { domainChart } from './pdf-chart';
import {
	colours,
	heading,
	inline,
	keepWithNext,
	para,
	paraFit,
	sizes,
	userFit,
	verdictColour
} from './pdf-text';
import { columnWidths, CONTENT_WIDTH } from './typeset';

/** The consultancy's logo at the top of the cover, fitted into a modest box. */
function coverLogo(model: ReportModel): Content[] {
	const logo = model.cover.logo;
	return logo ? [{ image: logo.dataUrl, fit: [160, 60], margin: [0, 0, 0, 0] }] : [];
}

function field(label: ReportText, value: Content): TableCell[] {
	return [{ text: inline(label), style: 'label', margin: [0, 2, 8, 2] }, value];
}

/**
 * The cover: the consultancy's name and logo (white label: not the product's name when there is a
 * consultancy), the firm, the state of the assessment, who signed it off, and a confidentiality
 * marking. No hash: a short label names the questionnaire version.
 */
export function cover(model: ReportModel): Content {
	const { cover: c, labels: l } = model;
	const final = model.state.code === 'final';
	const rows: TableCell[][] = [
		field(l.coverFirm, { text: c.firm }),
		...(c.consultancy ? [field(l.coverConsultancy, { text: c.consultancy })] : []),
		...(c.assessor ? [field(l.coverAssessor, { text: c.assessor })] : []),
		field(l.coverDate, { text: c.date }),
		...(c.assessment ? [field(l.coverAssessment, { text: c.assessment })] : []),
		field(l.coverState, {
			text: inline(c.state),
			bold: true,
			color: final ? colours.ink : colours.critical
		}),
		...(c.signOff
			? [
					field(l.coverReviewer, { text: c.signOff.reviewer }),
					field(l.coverSignedOff, { text: c.signOff.date })
				]
			: []),
		field(l.coverVersion, { text: inline(c.versionLabel) }),
		field(l.coverVerdict, {
			text: inline(c.verdictLabel),
			bold: true,
			color: verdictColour[c.verdict]
		}),
		field(l.edition, { text: inline(model.editionLabel) }),
		field(l.coverLanguage, { text: inline(c.language) })
	];
	return {
		stack: [
			...coverLogo(model),
			{
				text: c.consultancy ?? inline(l.appName),
				color: colours.accent,
				fontSize: 11,
				margin: [0, 80, 0, 8]
			},
			{ text: l.title.main, style: 'coverTitle' },
			...(l.title.alt ? [{ text: l.title.alt, fontSize: 16, color: colours.muted }] : []),
			{ text: c.firm, style: 'coverFirm' },
			{ table: { widths: [130, '*'], body: rows }, layout: 'noBorders' },
			{
				stack: [paraFit(c.confidential, CONTENT_WIDTH, sizes.small, sizes.small)],
				margin: [0, 40, 0, 0]
			}
		],
		pageBreak: 'after'
	};
}

/** The first actions, or the whole plan: action, owner, due date (overdue marked), severity. */
export function actionTable(
	model: ReportModel,
	actions: ReportAction[],
	withStatus = false
): Content {
	const l = model.labels;
	const w = columnWidths(withStatus ? [16, '*', 64, 58, 46, 44] : [16, '*', 70, 62, 46]);
	const rows = actions.map((a, i): TableCell[] => [
		{ text: String(i + 1), color: colours.muted },
		{
			stack: [
				paraFit(a.action, w[1]!, sizes.table, sizes.small),
				// The item by its code: its question is in the gap register, once.
				{ text: a.itemId, style: 'label' }
			]
		},
		userFit(a.owner, w[2]!, sizes.table),
		a.overdue
			? {
					stack: [
						{ text: a.due ?? '—', noWrap: true, bold: true, color: colours.critical },
						{ text: inline(l.overdue), style: 'label', color: colours.critical }
					]
				}
			: { text: a.due ?? '—', noWrap: true },
		{ text: inline(a.severityLabel), color: colours[a.severity], bold: true },
		...(withStatus
			? [{ text: inline(a.statusLabel), color: a.status === 'done' ? colours.good : colours.ink }]
			: [])
	]);
	return {
		table: {
			widths: w,
			headerRows: 1,
			dontBreakRows: true,
			body: [
				[
					{ text: '#', style: 'tableHeader' },
					{ text: inline(l.action), style: 'tableHeader' },
					{ text: inline(l.owner), style: 'tableHeader' },
					{ text: inline(l.due), style: 'tableHeader' },
					{ text: inline(l.severity), style: 'tableHeader' },
					...(withStatus ? [{ text: inline(l.actionStatus), style: 'tableHeader' }] : [])
				],
				...rows
			]
		},
		layout: 'lightHorizontalLines',
		fontSize: sizes.table
	};
}

/**
 * The executive summary, two pages: the verdict with scope, date, questionnaire version and state;
 * the top risks in words (profile red flags first); the first actions with owners and dates, how
 * many are overdue; the gaps by severity; good practice apart; the score by domain.
 */
export function executiveSummary(model: ReportModel): Content {
	const { summary: s, executive: e, labels: l, cover: c, voice: v } = model;
	const facts = [
		`${inline(l.coverDate)}: ${c.date}`,
		`${inline(l.coverVersion)}: ${inline(c.versionLabel)}`,
		`${inline(l.coverState)}: ${inline(c.state)}`
	].join('  ·  ');
	const counts: { text: string; color: string; bold: boolean }[] = [
		...s.gapCounts.map((g) => ({
			text: `${inline(g.label)} ${g.count}   `,
			color: colours[g.severity] as string,
			bold: true
		})),
		{ text: `${inline(l.total)} ${s.totalGaps}`, color: colours.ink, bold: true }
	];
	return [
		heading(l.executiveSummary),
		{
			table: {
				widths: [110, '*'],
				body: [
					[
						{
							stack: [
								{ text: inline(l.score), style: 'label' },
								{
									text: s.scoreText,
									fontSize: s.score === null || s.verdict === 'not_assessed' ? 12 : 24,
									bold: true
								}
							]
						},
						{
							stack: [
								{ text: inline(l.coverVerdict), style: 'label' },
								{
									text: inline(s.verdictLabel),
									fontSize: 15,
									bold: true,
									color: verdictColour[s.verdict]
								},
								{ text: facts, style: 'label', margin: [0, 3, 0, 0] }
							]
						}
					]
				]
			},
			layout: 'noBorders',
			margin: [0, 4, 0, 4]
		},
		// The consultant's own words first: what a board reads before any figure.
		...(v.opinion
			? [
					keepWithNext(
						{ text: inline(l.voiceOpinion), style: 'h3' },
						paraFit(v.opinion, CONTENT_WIDTH)
					),
					...(v.signature ? [para(v.signature, 'muted')] : [])
				]
			: []),
		keepWithNext({ text: inline(l.scope), style: 'h3' }, para(e.scope)),
		...(v.scope
			? [
					keepWithNext(
						{ text: inline(l.voiceScope), style: 'h3' },
						paraFit(v.scope, CONTENT_WIDTH)
					),
					...(v.signature && !v.opinion ? [para(v.signature, 'muted')] : [])
				]
			: []),
		para(s.completeness, 'muted'),
		...(s.complete ? [] : [para(l.incomplete, 'muted')]),
		keepWithNext(
			{ text: inline(l.topRisks), style: 'h3' },
			e.topRisks.length
				? { ol: e.topRisks.slice(0, 3).map((r) => paraFit(r, CONTENT_WIDTH - 16)) }
				: para(l.topRisksNone)
		),
		...(e.topRisks.length > 3
			? [
					{
						ol: e.topRisks.slice(3).map((r) => paraFit(r, CONTENT_WIDTH - 16)),
						start: 4
					}
				]
			: []),
		keepWithNext(
			{ text: inline(l.gapsBySeverity), style: 'h3' },
			{ text: counts, margin: [0, 0, 0, 2] }
		),
		// The first actions stay together with their heading: at most five short rows.
		keepWithNext(
			{ text: inline(l.firstActions), style: 'h3' },
			{
				stack: [
					...(e.overdueText ? [para(e.overdueText, 'muted')] : []),
					e.firstActions.length ? actionTable(model, e.firstActions) : para(l.actionsNone)
				]
			}
		),
		...(e.actionsTotal > e.firstActions.length ? [para(l.moreInActionPlan, 'muted')] : []),
		keepWithNext(
			{ text: inline(l.goodPracticeResults), style: 'h3' },
			para({
				main: `${model.goodPractice.scoreText} · ${model.goodPractice.completeness.main}`,
				alt: model.goodPractice.completeness.alt
			})
		),
		...(s.lawCurrentAsOf ? [para(s.lawCurrentAsOf, 'muted')] : []),
		// Stale material (lapsed provisions, expired files, old answers): never shown as current.
		...(s.stale.length
			? [
					keepWithNext(
						{ text: inline(l.staleHeading), style: 'h3' },
						{ stack: s.stale.map((t) => para(t, 'stale')) }
					)
				]
			: []),
		// The score by domain follows the summary, which it details.
		keepWithNext({ stack: [heading(l.byDomain)], margin: [0, 14, 0, 0] }, domainChart(model))
	];
}
