import { openSync, type Font } from 'fontkit';
import type { Content } from 'pdfmake/interfaces';
import { fontFiles } from './fonts';

/** The watermark's colour: light, and drawn at low opacity under the text. */
export const WATERMARK_COLOUR = '#9ca3af';
const OPACITY = 0.2;
/** How much of the page's diagonal the word spans. */
const SPAN = 0.62;

let bold: Font | undefined;

/**
 * The watermark ("草稿", "DRAFT") as glyph outlines, not text, laid diagonally across the page:
 * it marks every page without entering the text layer, so copying, searching and reading the
 * report aloud never meet its letters in the middle of a sentence (a text watermark, as pdfmake
 * draws it, is read by pdftotext into the lines it crosses).
 */
export function watermarkPath(text: string, width: number, height: number): string {
	bold ??= openSync(fontFiles.bold) as Font;
	const run = bold.layout(text);
	const total = run.positions.reduce((sum, p) => sum + p.xAdvance, 0);
	const cap = (bold.capHeight || bold.unitsPerEm * 0.7) / 2;
	const diagonal = Math.hypot(width, height);
	const s = (diagonal * SPAN) / total;
	const angle = -Math.atan2(height, width);
	const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
	const [cx, cy] = [width / 2, height / 2];
	let x = 0;
	const parts: string[] = [];
	run.glyphs.forEach((glyph, i) => {
		const pos = run.positions[i]!;
		const ox = x + pos.xOffset - total / 2;
		const oy = pos.yOffset - cap;
		// Font units (y up) to the page (y down): scale, flip, rotate onto the diagonal, centre.
		parts.push(
			glyph.path
				.transform(
					s * cos,
					s * sin,
					s * sin,
					-s * cos,
					s * cos * ox + s * sin * oy + cx,
					s * sin * ox - s * cos * oy + cy
				)
				.toSVG()
		);
		x += pos.xAdvance;
	});
	return parts.join(' ');
}

/** The watermark as a page background for pdfmake, or nothing for a final report. */
export function watermarkBackground(
	text: string | null
): ((page: number, size: { width: number; height: number }) => Content) | undefined {
	if (!text) return undefined;
	let d: string | undefined;
	return (_page, size) => {
		d ??= watermarkPath(text, size.width, size.height);
		return {
			canvas: [
				// Drawn once per document and placed on each page (pdfmake-patches/shared-vector-form.ts).
				{ type: 'path', d, color: WATERMARK_COLOUR, fillOpacity: OPACITY, shareAcrossPages: true }
			]
		} as unknown as Content;
	};
}
