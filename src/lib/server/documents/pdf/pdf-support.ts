import type { Content } from 'pdfmake/interfaces';
import type { ReportModel } from '../../../domain/report-model';
import type { ReportSupportMeasure } from '../../../domain/report-support';
import type { ReportText } from '../../../domain/report-text';
import { provisionQuote } from './pdf-gaps';
import { section } from './pdf-tables';
import { colours, keepWithNext, para, paraFit, sizes } from './pdf-text';
import { CONTENT_WIDTH } from './typeset';

/** "Policy background only: superseded by …", in the colour of a warning. */
function backgroundLine(m: ReportSupportMeasure): Content[] {
	if (!m.background || !m.backgroundReason) return [];
	const joined = (label: string, reason: string) =>
		/^\p{Script=Han}/u.test(label) ? `${label}：${reason}` : `${label}: ${reason}`;
	const text: ReportText = {
		main: joined(m.background.main, m.backgroundReason.main),
		alt:
			m.background.alt && m.backgroundReason.alt
				? joined(m.background.alt, m.backgroundReason.alt)
				: null
	};
	return [{ stack: [paraFit(text, CONTENT_WIDTH, sizes.small, sizes.small)], color: colours.high }];
}

/** The summary edition's line: number, citation and force, the gist, background said plainly. */
function shortEntry(m: ReportSupportMeasure): Content {
	return {
		stack: [
			{
				stack: [
					paraFit(
						{ main: `${m.n}. ${m.citation.main}`, alt: m.citation.alt },
						CONTENT_WIDTH,
						sizes.body,
						sizes.small
					)
				],
				bold: true
			},
			{
				stack: [paraFit(m.quote.forceLabel, CONTENT_WIDTH, sizes.small, sizes.small)],
				color: colours.muted
			},
			...backgroundLine(m),
			paraFit(m.gist, CONTENT_WIDTH, sizes.small, sizes.small)
		],
		unbreakable: true,
		margin: [0, 4, 0, 2]
	};
}

/** The full edition's entry: its number and any background note, kept with the verbatim quote. */
function quotedEntry(m: ReportSupportMeasure, model: ReportModel): Content {
	return keepWithNext(
		{ stack: [{ text: `${m.n}.`, bold: true, margin: [0, 4, 0, 0] }, ...backgroundLine(m)] },
		provisionQuote(m.quote, model)
	);
}

/**
 * Support measures the firm may apply for: a short list in the summary edition (what a board
 * reads: citation, force, gist), every measure quoted verbatim in the full edition.
 */
export function supportSection(model: ReportModel): Content {
	const l = model.labels;
	const full = model.edition === 'full';
	if (model.support.length === 0)
		return section(l.supportHeading, [para(l.supportNone, 'muted')], false);
	return section(
		l.supportHeading,
		[
			para(full ? l.supportLead : l.supportShortLead, 'muted'),
			...model.support.map((m) => (full ? quotedEntry(m, model) : shortEntry(m)))
		],
		full
	);
}
