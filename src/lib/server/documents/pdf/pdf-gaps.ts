import type { Content } from 'pdfmake/interfaces';
import type {
	ProvisionQuote,
	ProvisionRef,
	ReportGap,
	ReportModel
} from '../../../domain/report-model';
import {
	colours,
	fitted,
	heading,
	inline,
	keepWithNext,
	para,
	paraFit,
	sizes,
	userFit
} from './pdf-text';
import { columnWidths, CONTENT_WIDTH } from './typeset';
import { commentsBlock } from './pdf-annex';

/** The quote box: a 2 pt rule, 4 pt padding each side and 6 pt margins inside it. */
const QUOTE_WIDTH = CONTENT_WIDTH - 2 - 8 - 12;
const LABEL_WIDTH = 90;
const ID_WIDTH = 48;
const FIELD_WIDTH = CONTENT_WIDTH - LABEL_WIDTH - 6;

/** The provision as the law reads: verbatim Chinese, its citation, then the English summary. */
export function provisionQuote(p: ProvisionQuote, model: ReportModel): Content {
	const lines: Content[] = [
		{ ...fitted(p.textZh, QUOTE_WIDTH, sizes.body), style: 'quote' },
		{
			...fitted(
				`— ${p.citation}${p.standing ? ` (${inline(p.standing)})` : ''} · ${inline(p.forceLabel)}`,
				QUOTE_WIDTH,
				sizes.small
			),
			style: 'citation',
			margin: [0, 3, 0, 0]
		}
	];
	if (p.sourceTitleEn)
		lines.push({ ...fitted(p.sourceTitleEn, QUOTE_WIDTH, sizes.small), style: 'citation' });
	if (p.summaryEn)
		lines.push(
			{
				text: model.labels.summaryEn.alt ?? model.labels.summaryEn.main,
				style: 'label',
				margin: [0, 4, 0, 0]
			},
			fitted(p.summaryEn, QUOTE_WIDTH, sizes.alt)
		);
	return {
		table: { widths: ['*'], body: [[{ stack: lines, margin: [6, 4, 6, 4] }]] },
		layout: {
			fillColor: () => colours.quote,
			hLineWidth: () => 0,
			vLineWidth: (i: number) => (i === 0 ? 2 : 0),
			vLineColor: () => colours.accent
		},
		// A quote stays on one page: no running header splits the words of the law.
		unbreakable: true,
		margin: [0, 2, 0, 6]
	};
}

// Labels are short: laid out whole, not piece by piece.
function fieldLabel(label: string, top = 5): Content {
	return { text: label, style: 'label', noWrap: true, margin: [0, top, 0, 2] };
}

function labelled(label: string, value: Content): Content {
	return {
		columns: [
			{ text: label, style: 'label', noWrap: true, width: LABEL_WIDTH },
			{ width: '*', stack: [value] }
		],
		columnGap: 6,
		margin: [0, 1, 0, 1]
	};
}

function relatedRules(gap: ReportGap, model: ReportModel): Content {
	const l = model.labels;
	return {
		stack: gap.relatedRules.map((r) =>
			fitted(
				[
					`• ${r.title}`,
					` · ${inline(l.ruleIssuer)}: ${r.issuer}`,
					r.date ? ` · ${inline(l.ruleDate)}: ${r.date}` : '',
					r.article ? ` · ${inline(l.ruleArticle)}: ${r.article}` : '',
					` · ${inline(r.verification)}`
				].join(''),
				CONTENT_WIDTH,
				sizes.small
			)
		)
	};
}

/** "[3] 上海市…条例 第五十条 · 约束性": the provision by its number in the law annex, with its force. */
function refLine(refs: ProvisionRef[]): string {
	return refs.map((r) => `[${r.n}] ${r.citation} · ${inline(r.forceLabel)}`).join('\n');
}

function gapEntry(gap: ReportGap, index: number, model: ReportModel, parent: string): Content {
	const l = model.labels;
	const head: Content = {
		text: [
			{ text: `${index + 1}. ${gap.itemId}  `, bold: true },
			{ text: inline(gap.severityLabel), color: colours[gap.severity], bold: true },
			{
				text: `  ·  ${inline(gap.basisLabel)}  ·  ${inline(gap.statusLabel)}  ·  ${inline(gap.domain)}`,
				color: colours.muted
			}
		],
		fontSize: 9.5,
		margin: [0, 0, 0, 2],
		// A bookmark for every gap, under the register's.
		outline: true,
		outlineParentId: parent,
		outlineText: `${index + 1}. ${gap.itemId} ${inline(gap.severityLabel)}`
	};
	return {
		stack: [
			// The entry's heading stays with its question: never stranded at the foot of a page.
			keepWithNext(head, paraFit(gap.question, CONTENT_WIDTH, sizes.gapTitle, sizes.body)),
			{ text: '', margin: [0, 3, 0, 0] },
			labelled(inline(l.note), userFit(gap.note, FIELD_WIDTH, sizes.body)),
			...(gap.evidence.length
				? [labelled(inline(l.evidence), userFit(gap.evidence.join('\n'), FIELD_WIDTH, sizes.body))]
				: []),
			labelled(inline(l.owner), userFit(gap.owner, FIELD_WIDTH, sizes.body)),
			labelled(inline(l.due), userFit(gap.due, FIELD_WIDTH, sizes.body)),
			labelled(
				inline(l.provision),
				gap.refs.length
					? fitted(refLine(gap.refs), FIELD_WIDTH, sizes.small)
					: { text: inline(l.noProvision), style: 'muted', fontSize: sizes.small }
			),
			...(gap.relatedRules.length
				? [keepWithNext(fieldLabel(inline(l.relatedRules), 3), relatedRules(gap, model))]
				: []),
			keepWithNext(fieldLabel(inline(l.remediation), 5), paraFit(gap.remediation, CONTENT_WIDTH)),
			...(gap.observation
				? [
						keepWithNext(
							fieldLabel(inline(l.voiceObservation), 5),
							paraFit(gap.observation, CONTENT_WIDTH)
						)
					]
				: []),
			...commentsBlock(gap.comments, model)
		],
		margin: [0, 6, 0, 6]
	};
}

/** Good practice, apart from the gaps: a compact table, never a gap, never "not ready". */
function goodPracticeTable(model: ReportModel): Content {
	const l = model.labels;
	const w = columnWidths([ID_WIDTH, '*', 70]);
	return {
		table: {
			widths: w,
			headerRows: 1,
			dontBreakRows: true,
			body: [
				[l.item, l.question, l.status].map((t) => ({ text: inline(t), style: 'tableHeader' })),
				...model.goodPractice.items.map((g) => [
					{ text: g.itemId, noWrap: true },
					paraFit(g.question, w[1]!, sizes.table, sizes.small),
					{ text: inline(g.statusLabel) }
				])
			]
		},
		layout: 'lightHorizontalLines',
		fontSize: sizes.table
	};
}

export const GAP_REGISTER_ID = 'gap-register';

export function gapRegister(model: ReportModel): Content {
	const good = model.goodPractice.items;
	return [
		{ text: '', pageBreak: 'before' },
		heading(model.labels.gapRegister, 1, GAP_REGISTER_ID),
		para(model.labels.gapRegisterLead, 'muted'),
		...(model.gaps.length === 0
			? [para(model.labels.noGaps)]
			: model.gaps.map((g, i) => gapEntry(g, i, model, GAP_REGISTER_ID))),
		keepWithNext(
			heading(model.labels.goodPracticeResults, 2),
			para(model.labels.goodPracticeLead, 'muted')
		),
		good.length === 0 ? para(model.labels.goodPracticeNone) : goodPracticeTable(model)
	];
}

/** The law annex: each provision cited, quoted in full once, by its number. */
export function lawAnnex(model: ReportModel): Content {
	const l = model.labels;
	return [
		{ text: '', pageBreak: 'before' },
		heading(l.lawAnnex),
		para(l.lawAnnexLead, 'muted'),
		...(model.lawAnnex.length === 0
			? [para(l.lawAnnexNone)]
			: model.lawAnnex.map(({ n, quote }) =>
					keepWithNext(
						{ text: `[${n}]`, bold: true, margin: [0, 4, 0, 0] },
						provisionQuote(quote, model)
					)
				))
	];
}
