/**
 * Runs in a worker thread of its own (tests/helpers/unpatched-pdf.ts): a fresh pdfmake, never
 * patched, renders a report as the renderer would without its patches.
 */
import { parentPort } from 'node:worker_threads';
import type { ReportModel } from '../../src/lib/domain/report-model';
import { reportDocument } from '../../src/lib/server/documents/pdf/pdf-document';
import { configuredPdfmake } from '../../src/lib/server/documents/pdf/pdfmake-instance';
import { pdfmakePatches } from '../../src/lib/server/documents/pdf/pdfmake-patches';
import { isPatched } from '../../src/lib/server/documents/pdf/pdfmake-patches/patch';

const port = parentPort!;
port.once('message', (model: ReportModel) => {
	const pdfmake = configuredPdfmake();
	pdfmake
		.createPdf(reportDocument(model))
		.getBuffer()
		.then(
			(buffer) => {
				const patched = pdfmakePatches
					.filter((p) => isPatched(p.module, p.method, p.isStatic))
					.map((p) => p.replaces);
				const bytes = new Uint8Array(buffer).slice();
				port.postMessage({ bytes, patched }, [bytes.buffer]);
			},
			(error: unknown) => port.postMessage({ error: String(error) })
		);
});
