import { Paragraph, type Table } from 'docx';
import type { ReportModel } from '../../../domain/report-model';
import type { ReportSupportMeasure } from '../../../domain/report-support';
import { inlineText as inline } from '../../../domain/report-text';
import { provisionQuote } from './docx-sections';
import { heading, labelText, para, runs, size, tone } from './docx-text';

/** "Policy background only: superseded by …", in the colour of a warning. */
function backgroundLines(m: ReportSupportMeasure): Paragraph[] {
	if (!m.background || !m.backgroundReason) return [];
	const lines = [[m.background.main, m.backgroundReason.main]];
	if (m.background.alt && m.backgroundReason.alt)
		lines.push([m.background.alt, m.backgroundReason.alt]);
	return lines.map(
		([label, reason]) =>
			new Paragraph({
				keepNext: true,
				spacing: { after: 40 },
				children: [
					...runs(labelText({ main: label!, alt: null }), {
						bold: true,
						color: tone.high,
						size: size.small
					}),
					...runs(reason!, { color: tone.high, size: size.small })
				]
			})
	);
}

/** The summary edition's entry: number, citation and force, any background note, the gist. */
function shortEntry(m: ReportSupportMeasure): Paragraph[] {
	return [
		new Paragraph({
			keepNext: true,
			spacing: { before: 80, after: 20 },
			children: [
				...runs(`${m.n}. ${m.citation.main}`, { bold: true }),
				...(m.citation.alt
					? runs(`\n${m.citation.alt}`, { color: tone.muted, size: size.alt })
					: [])
			]
		}),
		new Paragraph({
			keepNext: true,
			spacing: { after: 20 },
			children: runs(inline(m.quote.forceLabel), { color: tone.muted, size: size.small })
		}),
		...backgroundLines(m),
		...para(m.gist, { size: size.small })
	];
}

/** The full edition's entry: its number and any background note, then the verbatim quote. */
function quotedEntry(m: ReportSupportMeasure, model: ReportModel): Paragraph[] {
	return [
		new Paragraph({
			keepNext: true,
			spacing: { before: 80, after: 20 },
			children: runs(`${m.n}.`, { bold: true })
		}),
		...backgroundLines(m),
		...provisionQuote(m.quote, model)
	];
}

/**
 * Support measures the firm may apply for, as in the PDF: a short list in the summary edition,
 * each measure quoted verbatim in the full edition.
 */
export function supportSection(model: ReportModel): (Paragraph | Table)[] {
	const l = model.labels;
	const full = model.edition === 'full';
	if (model.support.length === 0)
		return [heading(l.supportHeading, 1), ...para(l.supportNone, { color: tone.muted })];
	return [
		heading(l.supportHeading, 1, full),
		...para(full ? l.supportLead : l.supportShortLead, { color: tone.muted }),
		...model.support.flatMap((m) => (full ? quotedEntry(m, model) : shortEntry(m)))
	];
}
