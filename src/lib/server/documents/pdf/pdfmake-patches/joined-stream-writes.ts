import { definePatch } from './patch';

/** pdfkit's PDFReference: an object of the file, with its stream's chunks until it ends. */
interface Reference {
	data: Record<string, unknown> & { Length?: number };
	compress: boolean;
	uncompressedLength: number;
	buffer: Uint8Array[];
	write(chunk: unknown): void;
	finalize(): void;
	/** The text written since the last chunk of bytes, not yet made into one. */
	pending?: string;
}
interface PdfDocument {
	ref(data?: object): Reference;
}

/** Makes the text written so far one chunk of the stream, as pdfkit would have made each piece. */
function settle(ref: Reference) {
	if (ref.pending) {
		ref.buffer.push(Buffer.from(ref.pending, 'binary'));
		ref.pending = '';
	}
}

type Write = Reference['write'];
type Finalize = Reference['finalize'];
const originals = new WeakMap<object, { write: Write; finalize: Finalize }>();

/**
 * pdfkit's `PDFReference.write` for text: `chunk + '\n'` in Latin-1, one byte per character, so
 * the length it adds is the text's; the text waits to be joined with the next. Bytes are written
 * as pdfkit writes them, after the text before them.
 */
function write(this: Reference, chunk: unknown) {
	if (chunk instanceof Uint8Array) {
		settle(this);
		originals.get(Object.getPrototypeOf(this) as object)!.write.call(this, chunk);
		return;
	}
	const text = (chunk as string) + '\n';
	this.pending = (this.pending ?? '') + text;
	this.uncompressedLength += text.length;
	if (this.data.Length == null) this.data.Length = 0;
	this.data.Length += text.length;
	if (this.compress) this.data.Filter = 'FlateDecode';
}

function finalize(this: Reference) {
	settle(this);
	originals.get(Object.getPrototypeOf(this) as object)!.finalize.call(this);
}

/**
 * Replaces `PDFDocument.ref` (pdfmake/js/PDFDocument, pdfkit's own): each object it makes
 * collects the text written to its stream as one string, made into bytes once when the object
 * ends (or before bytes are written to it), where pdfkit makes a Buffer of every operator.
 *
 * Why: a page's content is written one operator at a time (colour, font, position, each run of
 * text): about 200,000 small Buffers for the full bilingual report, each allocated, copied and
 * then concatenated. Performance only: the stream holds the same bytes in the same order, with
 * the same length (a unit test compares the files, byte for byte).
 */
export const joinedStreamWritesPatch = definePatch<PdfDocument, 'ref'>({
	name: 'joined-stream-writes',
	module: 'pdfmake/js/PDFDocument',
	className: 'PDFDocument',
	method: 'ref',
	why: 'joins the text written to a stream before making it bytes, not a Buffer per operator',
	replace: (ref) =>
		function (this: PdfDocument, data) {
			const reference = ref.call(this, data);
			const prototype = Object.getPrototypeOf(reference) as Reference;
			if (!originals.has(prototype)) {
				if (
					typeof prototype.write !== 'function' ||
					typeof prototype.finalize !== 'function' ||
					!Array.isArray(reference.buffer) ||
					typeof reference.uncompressedLength !== 'number'
				)
					throw new Error(
						'pdfmake patch joined-stream-writes: a PDFReference no longer keeps write, finalize, buffer and uncompressedLength'
					);
				originals.set(prototype, { write: prototype.write, finalize: prototype.finalize });
			}
			reference.write = write;
			reference.finalize = finalize;
			return reference;
		}
});
