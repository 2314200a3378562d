import { Worker } from 'node:worker_threads';
import type { ReportModel } from '../../src/lib/domain/report-model';

/**
 * The report rendered by a pdfmake that was never patched: in a worker thread, which loads its own
 * copy of pdfmake's modules, so the patches this thread applied do not reach it. `patched` lists
 * the methods the worker found patched (none, or the comparison means nothing).
 */
export function renderUnpatched(
	model: ReportModel
): Promise<{ bytes: Uint8Array; patched: string[] }> {
	const href = JSON.stringify(new URL('./unpatched-pdf-worker.ts', import.meta.url).href);
	const worker = new Worker(
		`import('tsx/esm/api').then(({ tsImport }) => tsImport(${href}, ${href}))`,
		{ eval: true }
	);
	return new Promise<{ bytes: Uint8Array; patched: string[] }>((resolve, reject) => {
		worker.once('message', (reply: { bytes: Uint8Array; patched: string[] } | { error: string }) =>
			'error' in reply ? reject(new Error(reply.error)) : resolve(reply)
		);
		worker.once('error', reject);
		worker.once('exit', (code) => reject(new Error(`unpatched render worker exited with ${code}`)));
		worker.postMessage(model);
	}).finally(() => void worker.terminate());
}
