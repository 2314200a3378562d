import type { Content, ContentText, Style } from 'pdfmake/interfaces';
import { inlineText, type ReportText } from '../../../domain/report-text';
import { textRuns } from './text-runs';
import { breakLines, setLines } from './typeset';
import { palette, severityColour, verdictColour } from '../../../labels/palette';

/** Type sizes, in points, that text is set to: a fitted text must name its size. */
export const sizes = { body: 9.5, alt: 8.5, table: 8.5, small: 8, gapTitle: 10.5 } as const;

/**
 * A report text as pdfmake content. Every string goes in a `text` node: pdfmake never reads a string
 * as markup, an image or a link, so the firm's notes print as typed.
 */
export function para(t: ReportText, style?: string | string[]): Content {
	if (t.alt === null) return { text: textRuns(t.main), style };
	return {
		stack: [
			{ text: textRuns(t.main), style },
			{ text: textRuns(t.alt), style: ['alt', ...[style ?? []].flat()] }
		]
	};
}

/** A text broken into lines that fit `width` at `size`: the way long texts are set. */
export function fitted(value: string, width: number, size: number): ContentText {
	return { text: setLines(breakLines(value, width, size)), fontSize: size };
}

/** `para`, fitted: both languages set to the column, the English smaller and muted. */
export function paraFit(
	t: ReportText,
	width: number,
	size: number = sizes.body,
	altSize: number = sizes.alt
): Content {
	if (t.alt === null) return fitted(t.main, width, size);
	return {
		stack: [fitted(t.main, width, size), { ...fitted(t.alt, width, altSize), color: colours.muted }]
	};
}

/** `userText`, fitted to a column. */
export function userFit(
	value: string | null | undefined,
	width: number,
	size: number
): ContentText {
	return value && value.trim() !== '' ? fitted(value, width, size) : { text: '—', fontSize: size };
}

export { inlineText as inline } from '../../../domain/report-text';

/**
 * A heading or label kept on the page of what follows it: the two are laid out as one block, so a
 * heading is never stranded at the foot of a page. `next` must be short (a paragraph, an entry's
 * first lines): an unbreakable block taller than a page would be cut.
 */
export function keepWithNext(head: Content, next: Content): Content {
	return { stack: [head, next], unbreakable: true };
}

/**
 * A heading listed in the table of contents. In a bilingual report the English sits under it in the
 * same text node, so the contents list both languages too.
 */
export function heading(t: ReportText, level: 1 | 2 = 1, id?: string): Content {
	const style = level === 1 ? 'h1' : 'h2';
	// Every section is a bookmark (the PDF outline), in the report's language(s).
	const toc = { outline: true, outlineText: inlineText(t), ...(id ? { id } : {}) };
	if (t.alt === null) return { text: t.main, style, ...toc };
	return {
		text: [t.main, { text: `\n${t.alt}`, style: 'headingAlt' }],
		style,
		margin: styles.headingAlt!.margin,
		...toc
	};
}

/** Plain text the firm typed; an empty value shows a dash. */
export function userText(value: string | null | undefined, style?: string): Content {
	return { text: value && value.trim() !== '' ? textRuns(value) : '—', style };
}

export const colours = {
	ink: palette.ink,
	muted: palette.muted,
	rule: palette.rule,
	quote: palette.quote,
	accent: palette.accent,
	// Severities step down in lightness too, so they stay apart when printed in greyscale
	// (luma 58, 97, 129, 155: tests/documents/report-render.test.ts checks the steps).
	...severityColour,
	good: palette.good
} as const;

export { verdictColour };

export const styles: Record<string, Style> = {
	h1: { fontSize: 16, bold: true, color: colours.ink, margin: [0, 0, 0, 2] },
	h2: { fontSize: 11.5, bold: true, color: colours.ink, margin: [0, 10, 0, 4] },
	headingAlt: { fontSize: 10, bold: false, color: colours.muted, margin: [0, 0, 0, 8] },
	alt: { color: colours.muted, fontSize: 8.5 },
	small: { fontSize: 8 },
	muted: { color: colours.muted },
	stale: { color: colours.critical, margin: [0, 0, 0, 2] },
	label: { color: colours.muted, fontSize: 8 },
	tableHeader: { bold: true, fontSize: 8.5, color: colours.ink },
	quote: { fontSize: 9.5, lineHeight: 1.35 },
	citation: { fontSize: 8, color: colours.muted },
	tocEntry: { fontSize: 10 },
	h3: { fontSize: 10, bold: true, color: colours.ink, margin: [0, 6, 0, 2] },
	coverTitle: { fontSize: 26, bold: true, color: colours.ink },
	coverFirm: { fontSize: 18, color: colours.ink, margin: [0, 24, 0, 24] },
	gapTitle: { fontSize: 10.5, color: colours.ink }
};
