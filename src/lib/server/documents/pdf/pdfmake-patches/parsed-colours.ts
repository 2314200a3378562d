import { definePatch } from './patch';

interface PdfDocument {
	_normalizeColor(color: unknown): unknown;
}

/** Colours given as text ('#1f6f5c', 'black'), as pdfkit parses them: the same in every document. */
const MAX_COLOURS = 1_000;
const parsed = new Map<string, readonly number[]>();

/**
 * Replaces `PDFDocument._normalizeColor` (pdfkit's, which pdfmake's PDFDocument inherits): a colour
 * given as text is parsed once per thread and each caller gets a copy of the parsed components.
 * Only colours pdfkit parses into components are remembered (hex and named ones); a spot colour,
 * which is the document's own, or anything else takes pdfkit's path every time.
 *
 * Why: pdfmake sets the fill colour before every run of text it draws, and pdfkit parses the
 * colour twice for each (pdfmake checks it first): a regular expression, a parseInt and a new
 * array each time, some 50,000 times for the full bilingual report. Performance only: the same
 * components (a unit test compares them).
 */
export const parsedColoursPatch = definePatch<PdfDocument, '_normalizeColor'>({
	name: 'parsed-colours',
	module: 'pdfmake/js/PDFDocument',
	className: 'PDFDocument',
	method: '_normalizeColor',
	why: 'parses each colour given as text once per thread',
	replace: (normalizeColor) =>
		function (this: PdfDocument, color) {
			if (typeof color !== 'string') return normalizeColor.call(this, color);
			const known = parsed.get(color);
			if (known) return known.slice();
			const result = normalizeColor.call(this, color);
			const parsable = color.charAt(0) === '#' || /^[a-z]+$/i.test(color);
			if (Array.isArray(result) && parsable && result.every((n) => typeof n === 'number')) {
				if (parsed.size >= MAX_COLOURS) parsed.clear();
				parsed.set(color, Object.freeze([...(result as number[])]));
			}
			return result;
		}
});
