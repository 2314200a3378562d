import { createRequire } from 'node:module';
import type * as PdfMake from 'pdfmake';
import { fonts, isAllowedLocalFile } from './fonts';

/**
 * pdfmake's server build (CommonJS, one configured instance per module instance), set up with the
 * report's fonts and allowed to read those font files and nothing else. Unpatched: render-pdf.ts
 * applies the patches; the unit test renders through this alone to compare.
 */
export function configuredPdfmake(): typeof PdfMake {
	const pdfmake = createRequire(import.meta.url)('pdfmake') as typeof PdfMake;
	pdfmake.setFonts(fonts);
	pdfmake.setUrlAccessPolicy(() => false);
	pdfmake.setLocalAccessPolicy(isAllowedLocalFile);
	return pdfmake;
}
