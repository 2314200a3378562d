import { BorderStyle, Paragraph, type Table } from 'docx';
import type { ProvisionQuote, ReportGap, ReportModel } from '../../../domain/report-model';
import { inlineText as inline } from '../../../domain/report-text';
import { actionTable } from './docx-summary';
import { commentsBlock } from './docx-annex';
import {
	heading,
	labelledLine,
	labelText,
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

function gapEntry(gap: ReportGap, index: number, model: ReportModel): Block[] {
	const l = model.labels;
	const refs = gap.refs.map((r) => `[${r.n}] ${r.citation} · ${inline(r.forceLabel)}`).join('\n');
	return [
		// Each gap a heading under the register's: the navigation pane lists every one.
		new Paragraph({
			heading: 'Heading3',
			keepNext: true,
			children: [
				...runs(`${index + 1}. ${gap.itemId}  `),
				...runs(inline(gap.severityLabel), { color: tone[gap.severity] }),
				...runs(
					`  ·  ${inline(gap.basisLabel)}  ·  ${inline(gap.statusLabel)}  ·  ${inline(gap.domain)}`,
					{
						color: tone.muted,
						bold: false,
						size: size.small
					}
				)
			]
		}),
		...para(gap.question, { size: 21 }),
		labelledLine(l.note, userText(gap.note)),
		...(gap.evidence.length ? [labelledLine(l.evidence, gap.evidence.join('\n'))] : []),
		labelledLine(l.owner, userText(gap.owner)),
		labelledLine(l.due, userText(gap.due)),
		labelledLine(l.provision, refs || inline(l.noProvision)),
		...(gap.relatedRules.length
			? [
					labelledLine(
						l.relatedRules,
						gap.relatedRules
							.map((r) =>
								[
									`• ${r.title}`,
									` · ${inline(l.ruleIssuer)}: ${r.issuer}`,
									r.date ? ` · ${inline(l.ruleDate)}: ${r.date}` : '',
									r.article ? ` · ${inline(l.ruleArticle)}: ${r.article}` : '',
									` · ${inline(r.verification)}`
								].join('')
							)
							.join('\n')
					)
				]
			: []),
		line(labelText(l.remediation), { color: tone.muted, size: size.label }, 20),
		...para(gap.remediation),
		...(gap.observation
			? [
					line(labelText(l.voiceObservation), { color: tone.muted, size: size.label }, 20),
					...para(gap.observation)
				]
			: []),
		...commentsBlock(gap.comments, model)
	];
}

export function gapRegister(model: ReportModel): Block[] {
	const l = model.labels;
	const good = model.goodPractice.items;
	return [
		heading(l.gapRegister, 1, true),
		...para(l.gapRegisterLead, { color: tone.muted }),
		...(model.gaps.length === 0
			? para(l.noGaps)
			: model.gaps.flatMap((g, i) => gapEntry(g, i, model))),
		heading(l.goodPracticeResults, 2),
		...para(l.goodPracticeLead, { color: tone.muted }),
		good.length === 0
			? para(l.goodPracticeNone)[0]!
			: table(
					[12, 68, 20],
					[l.item, l.question, l.status],
					good.map((g): Cell[] => [g.itemId, g.question, g.statusLabel])
				)
	];
}

const quoteRule = { style: BorderStyle.SINGLE, size: 12, color: tone.accent, space: 6 };

/** The provision as the law reads: verbatim Chinese, its citation and force, the English summary. */
export function provisionQuote(p: ProvisionQuote, model: ReportModel): Paragraph[] {
	const quoted = (children: ReturnType<typeof runs>, after = 40) =>
		new Paragraph({
			border: { left: quoteRule },
			indent: { left: 160 },
			shading: { fill: tone.header },
			spacing: { after },
			children
		});
	const summaryLabel = model.labels.summaryEn.alt ?? model.labels.summaryEn.main;
	return [
		quoted(runs(p.textZh)),
		quoted(
			runs(
				`— ${p.citation}${p.standing ? ` (${inline(p.standing)})` : ''} · ${inline(p.forceLabel)}`,
				{ color: tone.muted, size: size.small }
			)
		),
		...(p.sourceTitleEn
			? [quoted(runs(p.sourceTitleEn, { color: tone.muted, size: size.small }))]
			: []),
		...(p.summaryEn
			? [
					quoted([
						...runs(`${summaryLabel}: `, { color: tone.muted, size: size.label }),
						...runs(p.summaryEn, { size: size.alt })
					])
				]
			: [])
	];
}

/** Each provision cited, quoted in full once, by its number. */
export function lawAnnex(model: ReportModel): Block[] {
	const l = model.labels;
	return [
		heading(l.lawAnnex, 1, true),
		...para(l.lawAnnexLead, { color: tone.muted }),
		...(model.lawAnnex.length === 0
			? para(l.lawAnnexNone)
			: model.lawAnnex.flatMap(({ n, quote }) => [
					new Paragraph({ keepNext: true, children: runs(`[${n}]`, { bold: true }) }),
					...provisionQuote(quote, model)
				]))
	];
}

export function actionPlan(model: ReportModel): Block[] {
	const l = model.labels;
	return [
		heading(l.actionPlan, 1, true),
		...para(l.actionPlanLead, { color: tone.muted }),
		...(model.executive.overdueText
			? para(model.executive.overdueText, { color: tone.muted })
			: []),
		model.actions.length ? actionTable(model, model.actions) : para(l.noGaps)[0]!
	];
}

export function notAssessed(model: ReportModel): Block[] {
	const l = model.labels;
	return [
		heading(l.notAssessedTitle, 1),
		...para(l.notAssessedLead, { color: tone.muted }),
		model.notAssessed.length
			? table(
					[12, 63, 25],
					[l.item, l.question, l.domain],
					model.notAssessed.map((n): Cell[] => [n.itemId, n.question, n.domain])
				)
			: para(l.notAssessedNone)[0]!
	];
}

export function changes(model: ReportModel): Block[] {
	const c = model.changes;
	if (!c) return [];
	const l = model.labels;
	return [
		heading(c.title, 1, true),
		...para(c.lead, { color: tone.muted }),
		table(
			[55, 15, 15, 15],
			[l.domain, l.compareBefore, l.compareAfter, l.compareDelta],
			[
				[l.compareOverall, c.overall.before, c.overall.after, c.overall.delta],
				...c.domains.map((d): Cell[] => [d.label, d.before, d.after, d.delta])
			]
		),
		c.items.length
			? table(
					[12, 46, 14, 14, 14],
					[l.item, l.question, l.compareChange, l.compareBefore, l.compareAfter],
					c.items.map((i): Cell[] => [i.itemId, i.question, i.changeLabel, i.before, i.after])
				)
			: para(l.compareNoChanges)[0]!
	];
}

/** The full edition's parts: items answered not applicable, the profile and findings, every answer. */
export function fullEditionParts(model: ReportModel): Block[] {
	const l = model.labels;
	const answered = model.profile.some((p) => p.answer !== null);
	return [
		heading(l.notApplicable, 1, true),
		model.notApplicable.length
			? table(
					[12, 58, 30],
					[l.item, l.question, l.reason],
					model.notApplicable.map((n): Cell[] => [n.itemId, n.question, userText(n.reason)])
				)
			: para(l.notApplicableNone)[0]!,
		heading(l.profile, 1, true),
		heading(l.profileAnswers, 2),
		answered
			? table(
					[40, 60],
					[l.profileAnswers, l.status],
					model.profile.map((p): Cell[] => [p.label, p.answer ?? inline(l.notAnswered)])
				)
			: para(l.profileEmpty)[0]!,
		heading(l.findings, 2),
		...(model.findings.length
			? model.findings.flatMap((f) => [
					...para(f.text, { bold: true }),
					...para(f.advice, { color: tone.muted }),
					...(f.refs.length
						? [
								line(
									f.refs.map((r) => `[${r.n}] ${r.citation} · ${inline(r.forceLabel)}`).join('\n'),
									{ color: tone.muted, size: size.small }
								)
							]
						: []),
					...(f.conflict ? para(f.conflict, { size: size.small }) : [])
				])
			: para(l.findingsNone)),
		heading(l.excluded, 2),
		model.excluded.length
			? table(
					[12, 53, 35],
					[l.item, l.question, l.reason],
					model.excluded.map((e): Cell[] => [e.itemId, e.question, e.reason])
				)
			: para(l.excludedNone)[0]!,
		heading(l.appendixAnswers, 1, true),
		model.answers.length
			? table(
					[10, 34, 12, 24, 10, 10],
					[l.item, l.question, l.status, l.note, l.owner, l.due],
					model.answers.map((a): Cell[] => [
						a.itemId,
						a.counted
							? a.question
							: { main: `${a.question.main}\n${inline(l.outOfScope)}`, alt: a.question.alt },
						a.statusLabel,
						[a.note, ...a.evidence].filter((s) => s.trim() !== '').join('\n') || '—',
						userText(a.owner),
						a.due ?? '—'
					])
				)
			: para(l.answersNone)[0]!
	];
}

export function methodology(model: ReportModel): Block[] {
	return [
		heading(model.methodology.title, 1, true),
		...model.methodology.sections.flatMap((s) => [
			heading(s.heading, 2),
			...s.body.flatMap((b) => para(b))
		])
	];
}

export function disclaimer(model: ReportModel): Block[] {
	return [heading(model.labels.disclaimer, 1), ...para(model.labels.disclaimerText)];
}
