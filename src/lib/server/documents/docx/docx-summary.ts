import { ImageRun, Paragraph, type Table } from 'docx';
import { imageSize } from 'image-size';
import type { ReportAction, ReportModel } from '../../../domain/report-model';
import { inlineText as inline } from '../../../domain/report-text';
import {
	heading,
	labelledLine,
	line,
	para,
	runs,
	size,
	table,
	tone,
	userText,
	type Cell
} from './docx-text';

type Block = Paragraph | Table;

const verdictTone = {
	ready: tone.good,
	ready_with_conditions: tone.medium,
	not_ready: 'B91C1C',
	not_assessed: tone.muted
} as const;

function logo(model: ReportModel): Paragraph[] {
	const l = model.cover.logo;
	if (!l) return [];
	const [, base64] = l.dataUrl.split(',');
	const data = Buffer.from(base64 ?? '', 'base64');
	return [
		new Paragraph({
			children: [
				new ImageRun({
					type: l.mime === 'image/png' ? 'png' : 'jpg',
					data,
					transformation: logoBox(data)
				})
			]
		})
	];
}

/** The logo fitted into the PDF's box (160 × 60 pt), in pixels at 96 dpi, by its own proportions. */
function logoBox(data: Buffer): { width: number; height: number } {
	const box = { width: 213, height: 80 };
	const { width = box.width, height = box.height } = imageSize(data);
	const scale = Math.min(box.width / width, box.height / height, 1);
	return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

/**
 * The cover: the consultancy's logo and name (not the product's when there is one), the firm, the
 * state, who signed it off, the confidentiality marking. No hash: a short label names the version.
 */
export function cover(model: ReportModel): Block[] {
	const { cover: c, labels: l } = model;
	const final = model.state.code === 'final';
	return [
		...logo(model),
		line(c.consultancy ?? inline(l.appName), { color: tone.accent, size: 22 }, 600),
		new Paragraph({ children: runs(l.title.main, { bold: true, size: 52 }) }),
		...(l.title.alt ? [line(l.title.alt, { color: tone.muted, size: 32 })] : []),
		line(c.firm, { size: 36 }, 480),
		labelledLine(l.coverFirm, c.firm),
		...(c.consultancy ? [labelledLine(l.coverConsultancy, c.consultancy)] : []),
		...(c.assessor ? [labelledLine(l.coverAssessor, c.assessor)] : []),
		labelledLine(l.coverDate, c.date),
		...(c.assessment ? [labelledLine(l.coverAssessment, c.assessment)] : []),
		labelledLine(l.coverState, inline(c.state), {
			bold: true,
			color: final ? tone.ink : tone.critical
		}),
		...(c.signOff
			? [
					labelledLine(l.coverReviewer, c.signOff.reviewer),
					labelledLine(l.coverSignedOff, c.signOff.date)
				]
			: []),
		labelledLine(l.coverVersion, inline(c.versionLabel)),
		labelledLine(l.coverVerdict, inline(c.verdictLabel), {
			bold: true,
			color: verdictTone[c.verdict]
		}),
		labelledLine(l.edition, inline(model.editionLabel)),
		labelledLine(l.coverLanguage, inline(c.language)),
		new Paragraph({ spacing: { before: 600 }, children: [] }),
		...para(c.confidential, { size: size.small, color: tone.muted })
	];
}

/** The first actions or the whole plan: action, owner, due date (overdue marked), severity. */
export function actionTable(model: ReportModel, actions: ReportAction[]): Table {
	const l = model.labels;
	const rows = actions.map((a, i): Cell[] => [
		String(i + 1),
		[
			...para(a.action, { size: size.table }),
			line(a.itemId, { size: size.small, color: tone.muted }, 0)
		],
		userText(a.owner),
		a.overdue
			? {
					text: `${a.due ?? '—'}\n${inline(l.overdue)}`,
					style: { bold: true, color: tone.critical }
				}
			: (a.due ?? '—'),
		{ text: inline(a.severityLabel), style: { bold: true, color: tone[a.severity] } },
		{ text: inline(a.statusLabel), style: a.status === 'done' ? { color: tone.good } : {} }
	]);
	return table(
		[5, 47, 15, 12, 10, 11],
		[{ main: '#', alt: null }, l.action, l.owner, l.due, l.severity, l.actionStatus],
		rows
	);
}

/** Two pages for a board: verdict and scope, the top risks in words, the first actions, the counts. */
export function executiveSummary(model: ReportModel): Block[] {
	const { summary: s, executive: e, labels: l, cover: c, voice: v } = model;
	const facts = [
		`${inline(l.coverDate)}: ${c.date}`,
		`${inline(l.coverVersion)}: ${inline(c.versionLabel)}`,
		`${inline(l.coverState)}: ${inline(c.state)}`
	].join('  ·  ');
	return [
		heading(l.executiveSummary, 1, true),
		labelledLine(l.score, s.scoreText, { bold: true, size: 32 }),
		labelledLine(l.coverVerdict, inline(s.verdictLabel), {
			bold: true,
			size: 28,
			color: verdictTone[s.verdict]
		}),
		line(facts, { color: tone.muted, size: size.small }),
		...(v.opinion
			? [
					heading(l.voiceOpinion, 3),
					...para(v.opinion),
					...(v.signature ? para(v.signature, { color: tone.muted }) : [])
				]
			: []),
		heading(l.scope, 3),
		...para(e.scope),
		...(v.scope
			? [
					heading(l.voiceScope, 3),
					...para(v.scope),
					...(v.signature && !v.opinion ? para(v.signature, { color: tone.muted }) : [])
				]
			: []),
		...para(s.completeness, { color: tone.muted }),
		...(s.complete ? [] : para(l.incomplete, { color: tone.muted })),
		heading(l.topRisks, 3),
		...(e.topRisks.length
			? e.topRisks.flatMap((r, i) => para({ main: `${i + 1}. ${r.main}`, alt: r.alt }))
			: para(l.topRisksNone)),
		heading(l.gapsBySeverity, 3),
		new Paragraph({
			children: [
				...s.gapCounts.flatMap((g) =>
					runs(`${inline(g.label)} ${g.count}   `, { bold: true, color: tone[g.severity] })
				),
				...runs(`${inline(l.total)} ${s.totalGaps}`, { bold: true })
			]
		}),
		heading(l.firstActions, 3),
		...(e.overdueText ? para(e.overdueText, { color: tone.muted }) : []),
		e.firstActions.length ? actionTable(model, e.firstActions) : para(l.actionsNone)[0]!,
		...(e.actionsTotal > e.firstActions.length
			? para(l.moreInActionPlan, { color: tone.muted })
			: []),
		heading(l.goodPracticeResults, 3),
		...para({
			main: `${model.goodPractice.scoreText} · ${model.goodPractice.completeness.main}`,
			alt: model.goodPractice.completeness.alt
		}),
		...(s.lawCurrentAsOf ? para(s.lawCurrentAsOf, { color: tone.muted }) : []),
		// Stale material (lapsed provisions, expired files, old answers): never shown as current.
		...(s.stale.length
			? [heading(l.staleHeading, 3), ...s.stale.flatMap((t) => para(t, { color: tone.critical }))]
			: []),
		heading(l.byDomain, 2),
		table(
			[70, 15, 15],
			[l.domain, l.score, l.completeness],
			model.domains.map((d): Cell[] => [d.label, d.scoreText, `${d.answered}/${d.applicable}`])
		)
	];
}
