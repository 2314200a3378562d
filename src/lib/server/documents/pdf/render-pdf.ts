import { createRequire } from 'node:module';
import type * as PdfMake from 'pdfmake';
import type { ReportModel } from '../../../domain/report-model';
import { fonts, isAllowedLocalFile } from './fonts';
import { installInlineJoining } from './merge-inlines';
import { reportDocument } from './pdf-document';
import { installSharedLayoutCache } from './shared-layout';
import { installFastStyleLookup } from './fast-style-lookup';

// pdfmake's server build is CommonJS that exports one configured instance.
const pdfmake = createRequire(import.meta.url)('pdfmake') as typeof PdfMake;
pdfmake.setFonts(fonts);
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy(isAllowedLocalFile);
installInlineJoining();
installSharedLayoutCache();
installFastStyleLookup();

/** Renders the report on the calling thread; the server calls it through the worker pool. */
export async function renderReportPdf(model: ReportModel): Promise<Uint8Array> {
	const buffer = await pdfmake.createPdf(reportDocument(model)).getBuffer();
	return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/**
 * Whether pdfmake can place this image: a file with a PNG or JPEG signature may still be one it
 * cannot read, and an uploaded logo must never make every report of its organisation fail.
 */
export async function canEmbedImage(dataUrl: string): Promise<boolean> {
	try {
		await pdfmake.createPdf({ content: [{ image: dataUrl, fit: [16, 16] }] }).getBuffer();
		return true;
	} catch {
		return false;
	}
}
