import { openSync, type Font } from 'fontkit';
import LineBreaker from 'linebreak';
import { CharBoundedMemo } from './char-bounded-memo';
import { fontFiles } from './fonts';

/** A4 less the page margins: the width of the report's text column. */
export const PAGE_WIDTH = 595.28;
export const PAGE_MARGIN = 48;
export const CONTENT_WIDTH = PAGE_WIDTH - 2 * PAGE_MARGIN;

/**
 * Column widths for a 'lightHorizontalLines' table across `total` (8 pt of padding on each inner
 * side of a column): '*' takes what is left. Numbers throughout, so text can be set to the column.
 */
export function columnWidths(spec: (number | '*')[], total = CONTENT_WIDTH): number[] {
	const padding = 16 * (spec.length - 1);
	const fixed = spec.reduce<number>((sum, w) => sum + (w === '*' ? 0 : w), 0);
	const stars = spec.filter((w) => w === '*').length;
	const star = Math.floor(((total - padding - fixed) / Math.max(1, stars)) * 100) / 100;
	return spec.map((w) => (w === '*' ? star : w));
}

class Metrics {
	private readonly advances = new Map<number, number>();
	private readonly unitsPerEm: number;
	constructor(private readonly font: Font) {
		this.unitsPerEm = font.unitsPerEm;
	}

	/** Width in points, without kerning or ligatures: never less than pdfkit will set. */
	width(text: string, size: number): number {
		let units = 0;
		for (const ch of text) {
			const cp = ch.codePointAt(0)!;
			let advance = this.advances.get(cp);
			if (advance === undefined) {
				advance = this.font.glyphForCodePoint(cp).advanceWidth;
				this.advances.set(cp, advance);
			}
			units += advance;
		}
		return (units * size) / this.unitsPerEm;
	}
}

let metrics: { normal: Metrics; bold: Metrics } | null = null;
function metricsFor(bold: boolean): Metrics {
	metrics ??= {
		normal: new Metrics(openSync(fontFiles.normal)),
		bold: new Metrics(openSync(fontFiles.bold))
	};
	return bold ? metrics.bold : metrics.normal;
}

/** Room kept at the end of every line, for the kerning and rounding pdfkit may add. */
const SLACK = 1.5;

/**
 * Texts broken so far, by font, size and width (a text is in its key and again in its lines).
 */
const broken = new CharBoundedMemo<readonly string[]>(4_000_000);

/**
 * Breaks a text into lines that fit `width` at `size`, where Unicode allows (UAX #14) and where
 * the text has line breaks. pdfmake would measure and place each piece between break
 * opportunities (each Chinese character) on its own; given whole lines it does a fraction of that work.
 *
 * Remembered per thread: the corpus's provisions, questions and advice recur in every report a
 * worker renders, and the lines depend on nothing but these arguments and the font.
 */
export function breakLines(
	text: string,
	width: number,
	size: number,
	bold = false
): readonly string[] {
	const key = `${bold ? 'b' : 'r'} ${size} ${width} ${text}`;
	let lines = broken.get(key);
	if (!lines) {
		lines = Object.freeze(breakText(text, width, size, bold));
		broken.set(key, lines);
	}
	return lines;
}

/** What the memo holds now, for tests of its bound. */
export function lineMemoSize(): { entries: number; chars: number } {
	return broken.held;
}

function breakText(text: string, width: number, size: number, bold: boolean): string[] {
	const m = metricsFor(bold);
	const room = width - SLACK;
	const lines: string[] = [];
	let line = '';
	let lineWidth = 0;
	const end = () => {
		lines.push(line.trimEnd());
		line = '';
		lineWidth = 0;
	};
	const add = (piece: string) => {
		if (line !== '' && lineWidth + m.width(piece.trimEnd(), size) > room) end();
		const text = line === '' ? piece.trimStart() : piece;
		if (line === '' && m.width(text.trimEnd(), size) > room) {
			// Wider than a line on its own (a long URL): break it between characters.
			for (const ch of text) {
				const w = m.width(ch, size);
				if (line !== '' && lineWidth + w > room) end();
				line += ch;
				lineWidth += w;
			}
			return;
		}
		line += text;
		lineWidth += m.width(text, size);
	};
	const breaker = new LineBreaker(text);
	let last = 0;
	for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
		const piece = text.slice(last, bk.position);
		last = bk.position;
		const hard = bk.required || /[\r\n]$/.test(piece);
		const body = hard ? piece.replace(/\r?\n$|\r$/, '') : piece;
		if (body !== '') add(body);
		if (hard) end();
	}
	if (line !== '' || lines.length === 0) end();
	return lines;
}

/** Lines as pdfmake text: each line is laid out whole, a line break between them. */
export function setLines(lines: readonly string[]): ({ text: string; noWrap: true } | string)[] {
	return lines.flatMap((l, i) =>
		i < lines.length - 1
			? [{ text: l, noWrap: true as const }, '\n']
			: [{ text: l, noWrap: true as const }]
	);
}
