import { definePatch } from './patch';

interface Glyph {
	id: number;
	codePoints: number[];
	advanceWidth: number;
}
interface Run {
	glyphs: Glyph[];
	positions: Record<string, number>[];
	advanceWidth: number;
}
interface EmbeddedFont {
	name: string;
	scale: number;
	widths: (number | undefined)[];
	unicode: (number[] | undefined)[];
	subset: { includeGlyph(id: number): number };
	encode(text: string, features?: unknown): [string[], Record<string, number>[]];
	layoutCache?: Record<string, Run>;
	layoutRun(text: string, features?: unknown): Run;
	layoutCached(text: string): Run;
	layout(text: string, features?: unknown, onlyWidth?: boolean): Layout;
}
interface Layout {
	glyphs: Glyph[] | null;
	positions: Record<string, number>[] | null;
	advanceWidth: number;
}
interface PdfDocument {
	provideFont(family: string, bold: boolean, italics: boolean): EmbeddedFont;
}

/** Enough for the whole corpus and many reports' notes; past it the cache starts again. */
const MAX_ENTRIES = 200_000;
const caches = new Map<string, Record<string, Run>>();
const shared = new WeakSet<EmbeddedFont>();

function cacheFor(fontName: string): Record<string, Run> {
	let cache = caches.get(fontName);
	if (!cache || Object.keys(cache).length > MAX_ENTRIES) {
		cache = Object.create(null) as Record<string, Run>;
		caches.set(fontName, cache);
	}
	return cache;
}

/** Only the glyph data pdfkit reads, so a cached run holds no font instance alive. */
function plainRun(run: Run): Run {
	return {
		glyphs: run.glyphs.map((g) => ({
			id: g.id,
			codePoints: g.codePoints,
			advanceWidth: g.advanceWidth
		})),
		positions: run.positions,
		advanceWidth: run.advanceWidth
	};
}

const SPACE = 32;
const TAB = 9;

/**
 * pdfkit's `EmbeddedFont.layout` without features, as it computes it: the text cut after each
 * space or tab, each piece shaped through the cache, the pieces' glyphs and positions joined.
 * pdfkit tests each character against a new array and copies the arrays for every piece; this
 * reads character codes and appends. Called for every width pdfmake measures and every text drawn.
 */
function layoutWords(font: EmbeddedFont, text: string, onlyWidth?: boolean): Layout {
	if (onlyWidth) return { glyphs: null, positions: null, advanceWidth: widthOf(font, text) };
	const glyphs: Glyph[] = [];
	const positions: Record<string, number>[] = [];
	let advanceWidth = 0;
	let last = 0;
	// (A loop, not a function per piece: this runs for every text drawn.)
	for (let i = 0; i <= text.length; i++) {
		const end = pieceEnd(text, i, last);
		if (end < 0) continue;
		const run = font.layoutCached(text.slice(last, end));
		if (last === 0 && end === text.length)
			// One piece (all Chinese lines): copied whole, as pdfkit's concat would.
			return {
				glyphs: run.glyphs.slice(),
				positions: run.positions.slice(),
				advanceWidth: run.advanceWidth
			};
		for (const glyph of run.glyphs) glyphs.push(glyph);
		for (const position of run.positions) positions.push(position);
		advanceWidth += run.advanceWidth;
		last = end;
	}
	return { glyphs, positions, advanceWidth };
}

/** Where the piece that ends at `i` ends (after a space or tab, or at the text's end), or -1. */
function pieceEnd(text: string, i: number, last: number): number {
	if (i === text.length) return last < i ? i : -1;
	const code = text.charCodeAt(i);
	return code === SPACE || code === TAB ? i + 1 : -1;
}

/** Widths measured so far, per font and text: pdfmake measures the same pieces in every report. */
const MAX_WIDTHS = 200_000;
const widths = new Map<string, Map<string, number>>();

/** `layoutWords(font, text).advanceWidth`: the same pieces' widths, added in the same order. */
function widthOf(font: EmbeddedFont, text: string): number {
	let known = widths.get(font.name);
	if (!known || known.size > MAX_WIDTHS) {
		known = new Map();
		widths.set(font.name, known);
	}
	let width = known.get(text);
	if (width === undefined) {
		width = 0;
		let last = 0;
		for (let i = 0; i <= text.length; i++) {
			const end = pieceEnd(text, i, last);
			if (end < 0) continue;
			width += font.layoutCached(text.slice(last, end)).advanceWidth;
			last = end;
		}
		known.set(text, width);
	}
	return width;
}

/** Four hex digits per glyph id of a subset: the same for every document. */
const hexOfGid: string[] = [];

/**
 * pdfkit's `EmbeddedFont.encode` without features, as it computes it (each glyph included in the
 * document's subset, its width and characters noted the first time), with each glyph id's hex
 * digits made once per thread rather than once per glyph drawn.
 */
function encodeWords(font: EmbeddedFont, text: string): [string[], Record<string, number>[]] {
	const { glyphs, positions } = layoutWords(font, text) as {
		glyphs: Glyph[];
		positions: Record<string, number>[];
	};
	const res = new Array<string>(glyphs.length);
	for (let i = 0; i < glyphs.length; i++) {
		const glyph = glyphs[i]!;
		const gid = font.subset.includeGlyph(glyph.id);
		res[i] = hexOfGid[gid] ??= `0000${gid.toString(16)}`.slice(-4);
		if (font.widths[gid] == null) font.widths[gid] = glyph.advanceWidth * font.scale;
		if (font.unicode[gid] == null) font.unicode[gid] = glyph.codePoints;
	}
	return [res, positions];
}

/** Runs shaped so far, per font, in this thread's shared cache: the patch's observable effect. */
export function sharedLayoutRuns(): Record<string, number> {
	return Object.fromEntries([...caches].map(([font, cache]) => [font, Object.keys(cache).length]));
}

/**
 * Replaces `PDFDocument.provideFont` (pdfmake/js/PDFDocument): the font it returns (pdfkit's
 * EmbeddedFont) shapes through one cache per font for every document this thread renders, instead
 * of one per document, and cuts texts into words for it without pdfkit's copying (`layoutWords`).
 *
 * Why: pdfkit shapes every word with fontkit and caches the result per document, so each report
 * starts cold although most of its words (the provisions, the questions) were shaped for the last
 * one. Performance only: the glyphs, and so the PDF bytes, are the same.
 *
 * Relies on pdfkit's EmbeddedFont keeping `layoutCache`, `layoutCached`, `layoutRun` and `layout`;
 * if pdfkit dropped them the patch would do nothing, which the unit test sees (no runs in
 * `sharedLayoutRuns()` after a report).
 */
export const sharedLayoutCachePatch = definePatch<PdfDocument, 'provideFont'>({
	name: 'shared-layout-cache',
	module: 'pdfmake/js/PDFDocument',
	className: 'PDFDocument',
	method: 'provideFont',
	why: 'keeps pdfkit’s shaping cache across the reports a thread renders; cuts texts into words without copying',
	replace: (provideFont) =>
		function (this: PdfDocument, family, bold, italics) {
			const font = provideFont.call(this, family, bold, italics);
			if (font.layoutCache && !shared.has(font)) {
				shared.add(font);
				const layoutRun = font.layoutRun;
				font.layoutRun = (text, features) => plainRun(layoutRun.call(font, text, features));
				font.layoutCache = cacheFor(font.name);
				const layout = font.layout;
				font.layout = (text, features, onlyWidth) =>
					features
						? layout.call(font, text, features, onlyWidth)
						: layoutWords(font, text, onlyWidth);
				const encode = font.encode;
				font.encode = (text, features) =>
					features ? encode.call(font, text, features) : encodeWords(font, text);
			}
			return font;
		}
});
