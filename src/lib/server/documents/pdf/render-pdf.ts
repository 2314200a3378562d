import type { ReportModel } from '../../../domain/report-model';
import { reportDocument } from './pdf-document';
import { printableDocument } from './glyph-fallback';
import { configuredPdfmake } from './pdfmake-instance';
import { applyPdfmakePatches } from './pdfmake-patches';

/**
 * The patches in place before pdfmake lays out anything, in whichever thread loads this module;
 * loading it throws if the installed pdfmake is not the one they were written for.
 */
export const activePdfmakePatches = applyPdfmakePatches();
const pdfmake = configuredPdfmake();

/** Renders the report on the calling thread; the server calls it through the worker pool. */
export async function renderReportPdf(model: ReportModel): Promise<Uint8Array> {
	const buffer = await pdfmake
		.createPdf(printableDocument(reportDocument(model), model.lang))
		.getBuffer();
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
