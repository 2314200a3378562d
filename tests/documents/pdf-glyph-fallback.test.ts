import { describe, expect, it } from 'vitest';
import { configuredPdfmake } from '../../src/lib/server/documents/pdf/pdfmake-instance';
import { FONT_FAMILY } from '../../src/lib/server/documents/pdf/fonts';
import {
	MISSING_GLYPH,
	printableDocument,
	withGlyphFallback
} from '../../src/lib/server/documents/pdf/glyph-fallback';
import { pdfFonts, pdfText } from '../helpers/pdf';

/** 𠮷 (CJK Extension B) is in neither font; 🚀 and ✅ are in Noto Emoji; U+FE0F prints nothing. */
const OWNER = '法务部 𠮷田 🚀✅\uFE0F';

describe('characters the report font lacks', () => {
	it('sets emoji in Noto Emoji and replaces the rest by 〓, listing them', () => {
		const { doc, missing } = withGlyphFallback({
			content: [OWNER, { text: 'plain' }, { table: { body: [[{ text: OWNER }]] } }],
			header: () => ({ text: '𠮷野' })
		});
		expect(missing).toEqual(['𠮷']);
		const content = doc.content as unknown[];
		expect(content[0]).toEqual({
			text: [{ text: `法务部 ${MISSING_GLYPH}田 ` }, { text: '🚀✅', font: 'NotoEmoji' }]
		});
		expect(content[1]).toEqual({ text: 'plain' });
		const header = (doc.header as () => { text: unknown })();
		expect(header.text).toEqual([{ text: `${MISSING_GLYPH}野` }]);
	});

	it('prints them in a real PDF: the emoji font embedded, 〓 in the text, the note at the end', async () => {
		const pdfmake = configuredPdfmake();
		const printable = printableDocument(
			{ content: [OWNER], defaultStyle: { font: FONT_FAMILY } },
			'both'
		);
		const buffer = await pdfmake.createPdf(printable).getBuffer();
		const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
		expect(pdfFonts(bytes)).toContain('NotoEmoji');
		const text = pdfText(bytes);
		expect(text).toContain(`法务部 ${MISSING_GLYPH}田 🚀✅`);
		expect(text).toContain('U+20BB7');
		expect(text).toContain('报告字体无法显示的字符');
		expect(text).toContain("marks a character the report's fonts cannot show");
	});
});
