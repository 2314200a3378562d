import { definePatch, pdfmakeClass } from './patch';

interface Vector {
	type: string;
	d?: string;
	color?: string;
	lineColor?: string;
	fillOpacity?: number;
	lineWidth?: number;
	dash?: unknown;
	lineJoin?: string;
	lineCap?: string;
	linearGradient?: unknown;
	/** Set by the report (the watermark): draw it once per document, place it on each page. */
	shareAcrossPages?: boolean;
}
interface Reference {
	write(chunk: string): void;
	end(): void;
}
interface PdfDocument {
	page: { width: number; height: number; xobjects: Record<string, Reference> };
	ref(data: Record<string, unknown>): Reference;
	addContent(data: string): PdfDocument;
	path(d: string): PdfDocument;
	lineWidth(w: number): PdfDocument;
	undash(): PdfDocument;
	lineJoin(join: string): PdfDocument;
	lineCap(cap: string): PdfDocument;
	fillColor(color: unknown, opacity: number): PdfDocument;
	resolveColor(color: unknown, fallback: string): unknown;
}
interface Renderer {
	pdfDocument: PdfDocument;
	renderVector(vector: Vector): void;
}

/** Per document, the forms drawn so far, by path, colour and page size: their resource name. */
const forms = new WeakMap<PdfDocument, Map<string, { name: string; ref: Reference }>>();

/** The path's drawing operators as pdfkit writes them, collected instead of written to the page. */
function pathOperators(doc: PdfDocument, d: string): string[] {
	const ops: string[] = [];
	doc.addContent = (data) => {
		ops.push(data);
		return doc;
	};
	try {
		doc.path(d);
	} finally {
		delete (doc as Partial<PdfDocument>).addContent;
	}
	return ops;
}

function formFor(doc: PdfDocument, d: string): { name: string; ref: Reference } {
	let drawn = forms.get(doc);
	if (!drawn) forms.set(doc, (drawn = new Map()));
	const { width, height } = doc.page;
	const key = `${width}×${height}:${d}`;
	let form = drawn.get(key);
	if (!form) {
		// In the page's coordinates (pdfkit's, y down: the form inherits the page's matrix), filled
		// with the colour and opacity the page sets before placing it.
		const ref = doc.ref({
			Type: 'XObject',
			Subtype: 'Form',
			FormType: 1,
			BBox: [0, 0, width, height],
			Resources: {}
		});
		for (const op of pathOperators(doc, d)) ref.write(op);
		ref.write('f');
		ref.end();
		form = { name: `Vf${drawn.size + 1}`, ref };
		drawn.set(key, form);
	}
	return form;
}

/**
 * Replaces `Renderer.renderVector` (pdfmake/js/Renderer): a filled path marked
 * `shareAcrossPages` is drawn once per document as a form XObject, and each page sets the same
 * graphics state pdfmake sets (line style, fill colour and opacity) and places the form (`Do`).
 * Any other vector is pdfmake's own.
 *
 * Why: the draft watermark is the outlines of its letters, the same on every page; pdfmake
 * parses and writes its path into each page's content — about 20 KB a page before compression,
 * three fifths of a 190-page report's file and a tenth of its rendering time. The page shows the
 * same shape in the same place, colour and opacity.
 *
 * Observable: one form XObject for the watermark, placed on every page.
 */
export const sharedVectorFormPatch = definePatch<Renderer, 'renderVector'>({
	name: 'shared-vector-form',
	module: 'pdfmake/js/Renderer',
	className: 'Renderer',
	method: 'renderVector',
	why: 'draws a path repeated on every page (the watermark) once, as a form XObject',
	assumes: () => {
		const Doc = pdfmakeClass<{ prototype: Partial<Record<keyof PdfDocument, unknown>> }>(
			'pdfmake/js/PDFDocument'
		);
		const needed = ['ref', 'addContent', 'path', 'fillColor', 'resolveColor'] as const;
		const missing = needed.filter((m) => typeof Doc.prototype[m] !== 'function');
		return missing.length === 0 ? null : `a PDFDocument no longer has ${missing.join(', ')}`;
	},
	replace: (renderVector) =>
		function (this: Renderer, vector) {
			const shared =
				vector.shareAcrossPages === true &&
				vector.type === 'path' &&
				typeof vector.d === 'string' &&
				vector.color !== undefined &&
				vector.lineColor === undefined &&
				!vector.linearGradient &&
				!vector.dash;
			if (!shared) return renderVector.call(this, vector);
			const doc = this.pdfDocument;
			const form = formFor(doc, vector.d!);
			// The state pdfmake's renderVector leaves on the page, in its order.
			doc.lineWidth(vector.lineWidth || 1);
			doc.undash();
			doc.lineJoin(vector.lineJoin || 'miter');
			doc.lineCap(vector.lineCap || 'butt');
			const opacity = typeof vector.fillOpacity === 'number' ? vector.fillOpacity : 1;
			doc.fillColor(doc.resolveColor(vector.color, 'black'), opacity);
			doc.page.xobjects[form.name] = form.ref;
			doc.addContent(`/${form.name} Do`);
		}
});
