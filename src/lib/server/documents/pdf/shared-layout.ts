import { createRequire } from 'node:module';

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
	layoutCache?: Record<string, Run>;
	layoutRun(text: string, features?: unknown): Run;
}
interface PdfDocumentClass {
	prototype: { provideFont(family: string, bold: boolean, italics: boolean): EmbeddedFont };
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

let installed = false;

/**
 * pdfkit shapes every word with fontkit and caches the result per document, so each report starts
 * cold although most of its words (the provisions, the questions) were shaped for the last one.
 * Sharing that cache across the documents a process renders, per font, skips the repeat shaping;
 * the glyphs, and so the PDF bytes, are the same.
 */
export function installSharedLayoutCache(): void {
	if (installed) return;
	installed = true;
	const require = createRequire(import.meta.url);
	const PDFDocument = (require('pdfmake/js/PDFDocument') as { default: PdfDocumentClass }).default;
	const provideFont = PDFDocument.prototype.provideFont;
	PDFDocument.prototype.provideFont = function (family, bold, italics) {
		const font = provideFont.call(this, family, bold, italics);
		if (font.layoutCache && !shared.has(font)) {
			shared.add(font);
			const layoutRun = font.layoutRun;
			font.layoutRun = (text, features) => plainRun(layoutRun.call(font, text, features));
			font.layoutCache = cacheFor(font.name);
		}
		return font;
	};
}
