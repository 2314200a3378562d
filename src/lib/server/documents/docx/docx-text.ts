import {
	BorderStyle,
	HeadingLevel,
	Paragraph,
	Table,
	TableCell,
	TableRow,
	TextRun,
	WidthType,
	type IRunOptions
} from 'docx';
import { inlineText, type ReportText } from '../../../domain/report-text';
import { xmlSafe } from '../xml-text';

/**
 * Fonts of every run, East Asian font included: Word picks a run's Chinese font from w:eastAsia, and
 * a run without one falls back to the theme's (often a Japanese face on an English Windows). The
 * faces are the ones a consultant's Word has: Microsoft YaHei for Chinese, Arial for Latin.
 */
export const FONT = {
	ascii: 'Arial',
	hAnsi: 'Arial',
	cs: 'Arial',
	eastAsia: 'Microsoft YaHei'
} as const;

/** The PDF's palette (pdf-text.ts), without the '#' Word does not take. */
export const tone = {
	ink: '111827',
	muted: '4B5563',
	accent: '1D4ED8',
	critical: '7F1D1D',
	high: 'C2410C',
	medium: 'B7791F',
	low: '959CA6',
	good: '047857',
	header: 'F3F4F6'
} as const;

/** Half-points, as Word counts type sizes. */
export const size = { body: 20, alt: 18, table: 17, small: 16, label: 16 } as const;

/** A4 in twentieths of a point, as Word measures a page. */
export const A4 = { width: 11906, height: 16838 } as const;

/** The styles every Word file of ours uses: body text, and headings in Word's own styles. */
export function documentStyles(lang: string) {
	const heading = (fontSize: number, before: number, after: number) => ({
		run: { font: FONT, size: fontSize, bold: true, color: tone.ink },
		paragraph: { spacing: { before, after } }
	});
	return {
		default: {
			document: {
				run: {
					font: FONT,
					size: size.body,
					color: tone.ink,
					language: { value: lang, eastAsia: 'zh-CN' }
				},
				paragraph: { spacing: { line: 300 } }
			},
			heading1: heading(32, 240, 120),
			heading2: heading(24, 200, 80),
			heading3: heading(21, 160, 60)
		}
	};
}

type RunStyle = Omit<IRunOptions, 'text' | 'font' | 'children' | 'break'>;

/** Runs of one text, its line breaks kept as Word line breaks; every run names its fonts. */
export function runs(text: string, style: RunStyle = {}): TextRun[] {
	return xmlSafe(text)
		.split('\n')
		.map(
			(line, i) => new TextRun({ ...style, text: line, font: FONT, ...(i ? { break: 1 } : {}) })
		);
}

export function line(text: string, style: RunStyle = {}, spacingAfter = 80): Paragraph {
	return new Paragraph({ children: runs(text, style), spacing: { after: spacingAfter } });
}

/** A report text: the main language, then in a bilingual report the English under it, muted. */
export function para(t: ReportText, style: RunStyle = {}): Paragraph[] {
	const out = [line(t.main, style, t.alt === null ? 80 : 20)];
	if (t.alt !== null) out.push(line(t.alt, { ...style, color: tone.muted, size: size.alt }));
	return out;
}

/** A label before its value: 「负责人：」 in Chinese, "Owner: " in English. */
export function labelText(label: ReportText): string {
	const text = inlineText(label);
	return /^\p{Script=Han}/u.test(text) ? `${text}：` : `${text}: `;
}

/** 「标签：值」 on one line: the label small and muted, the value in the run style given. */
export function labelledLine(label: ReportText, value: string, style: RunStyle = {}): Paragraph {
	return new Paragraph({
		spacing: { after: 50 },
		children: [
			...runs(labelText(label), { color: tone.muted, size: size.label }),
			...runs(value, style)
		]
	});
}

/** The firm's own words; an empty value shows a dash. */
export function userText(value: string | null | undefined): string {
	return value && value.trim() !== '' ? value : '—';
}

/**
 * A heading in Word's own heading style (Heading1, Heading2…), so the navigation pane and a table
 * of contents list it; the English of a bilingual heading is a line of the same heading.
 */
export function heading(t: ReportText, level: 1 | 2 | 3 = 1, pageBreakBefore = false): Paragraph {
	const levels = {
		1: HeadingLevel.HEADING_1,
		2: HeadingLevel.HEADING_2,
		3: HeadingLevel.HEADING_3
	};
	return new Paragraph({
		heading: levels[level],
		pageBreakBefore,
		keepNext: true,
		children: [
			...runs(t.main),
			...(t.alt === null ? [] : runs(`\n${t.alt}`, { color: tone.muted, size: size.body }))
		]
	});
}

export type Cell = string | ReportText | Paragraph[] | { text: string; style: RunStyle };

function cellParagraphs(cell: Cell, header: boolean): Paragraph[] {
	const style: RunStyle = { size: size.table, bold: header };
	if (typeof cell === 'string') return [line(cell, style, 0)];
	if (Array.isArray(cell)) return cell;
	if ('style' in cell) return [line(cell.text, { ...style, ...cell.style }, 0)];
	return header ? [line(inlineText(cell), style, 0)] : para(cell, style);
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: 'D1D5DB' };

/** The thin grey rules of every table of ours. */
export const tableBorders = {
	top: thin,
	bottom: thin,
	left: thin,
	right: thin,
	insideHorizontal: thin,
	insideVertical: thin
};

/**
 * A real Word table: a header row repeated on every page, rows kept whole, column widths in
 * percent of the page.
 */
export function table(widths: number[], header: ReportText[], rows: Cell[][]): Table {
	const row = (cells: Cell[], isHeader: boolean) =>
		new TableRow({
			tableHeader: isHeader,
			cantSplit: true,
			children: cells.map(
				(c, i) =>
					new TableCell({
						width: { size: widths[i] ?? 10, type: WidthType.PERCENTAGE },
						shading: isHeader ? { fill: tone.header } : undefined,
						margins: { top: 40, bottom: 40, left: 80, right: 80 },
						children: cellParagraphs(c, isHeader)
					})
			)
		});
	return new Table({
		width: { size: 100, type: WidthType.PERCENTAGE },
		borders: tableBorders,
		rows: [row(header, true), ...rows.map((r) => row(r, false))]
	});
}
