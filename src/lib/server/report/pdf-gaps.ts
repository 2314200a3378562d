import type { Content } from 'pdfmake/interfaces';
import type { ProvisionQuote, ReportGap, ReportModel } from '../../domain/report-model';
import { textRuns } from './text-runs';
import { colours, heading, inline, para, userText } from './pdf-text';

/** The provision as the law reads: verbatim Chinese, its citation, then the English summary. */
export function provisionQuote(p: ProvisionQuote, model: ReportModel): Content {
	const lines: Content[] = [
		{ text: textRuns(p.textZh), style: 'quote' },
		{
			text: `— ${p.citation}${p.standing ? ` (${inline(p.standing)})` : ''}`,
			style: 'citation',
			margin: [0, 3, 0, 0]
		}
	];
	if (p.sourceTitleEn) lines.push({ text: p.sourceTitleEn, style: 'citation' });
	if (p.summaryEn)
		lines.push({
			text: [
				{ text: `${model.labels.summaryEn.alt ?? model.labels.summaryEn.main}: `, bold: true },
				p.summaryEn
			],
			fontSize: 8.5,
			margin: [0, 4, 0, 0]
		});
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

function fieldLabel(label: string, top = 5): Content {
	return { text: label, style: 'label', margin: [0, top, 0, 2] };
}

function labelled(label: string, value: Content): Content {
	return {
		columns: [
			{ text: label, style: 'label', width: 90 },
			{ width: '*', stack: [value] }
		],
		columnGap: 6,
		margin: [0, 1, 0, 1]
	};
}

function relatedRules(gap: ReportGap, model: ReportModel): Content {
	const l = model.labels;
	return {
		ul: gap.relatedRules.map((r) => ({
			text: [
				r.title,
				` · ${inline(l.ruleIssuer)}: ${r.issuer}`,
				r.date ? ` · ${inline(l.ruleDate)}: ${r.date}` : '',
				r.article ? ` · ${inline(l.ruleArticle)}: ${r.article}` : '',
				` · ${inline(r.verification)}`
			],
			fontSize: 8
		}))
	};
}

function gapEntry(gap: ReportGap, index: number, model: ReportModel): Content {
	const l = model.labels;
	return {
		stack: [
			{
				text: [
					{ text: `${index + 1}. ${gap.itemId}  `, bold: true },
					{ text: inline(gap.severityLabel), color: colours[gap.severity], bold: true },
					{
						text: `  ·  ${inline(gap.statusLabel)}  ·  ${inline(gap.domain)}`,
						color: colours.muted
					}
				],
				fontSize: 9.5,
				margin: [0, 0, 0, 2]
			},
			para(gap.question, 'gapTitle'),
			{ text: '', margin: [0, 3, 0, 0] },
			labelled(inline(l.note), userText(gap.note)),
			...(gap.evidence.length
				? [labelled(inline(l.evidence), userText(gap.evidence.join('\n')))]
				: []),
			labelled(inline(l.owner), userText(gap.owner)),
			labelled(inline(l.due), userText(gap.due)),
			fieldLabel(inline(l.provision), 5),
			...(gap.provisions.length
				? gap.provisions.map((p) => provisionQuote(p, model))
				: [para(l.noProvision, 'muted')]),
			...(gap.relatedRules.length
				? [fieldLabel(inline(l.relatedRules), 3), relatedRules(gap, model)]
				: []),
			fieldLabel(inline(l.remediation), 5),
			para(gap.remediation)
		],
		margin: [0, 8, 0, 8]
	};
}

export function gapRegister(model: ReportModel): Content {
	return [
		{ text: '', pageBreak: 'before' },
		heading(model.labels.gapRegister),
		para(model.labels.gapRegisterLead, 'muted'),
		...(model.gaps.length === 0
			? [para(model.labels.noGaps)]
			: model.gaps.map((g, i) => gapEntry(g, i, model)))
	];
}
