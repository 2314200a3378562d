import os from 'node:os';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { PackModel } from '../../../domain/filing-pack';
import type { ReportModel } from '../../../domain/report-model';
import { renderJob } from './render-job';

/** Passed as workerData, so that only a worker the pool started takes up rendering. */
export const RENDER_WORKER = 'report-render-worker';

/**
 * This module's own URL. The pool imports the module dynamically, which keeps it a chunk of its
 * own in the built server, and starts workers on that URL: one file serves the build, vitest and tsx.
 */
export const renderWorkerUrl = import.meta.url;

/**
 * What a worker draws: a gap report or a filing pack, as a PDF or a Word file. The Word files are
 * drawn here too: building one is seconds of CPU for a long report, and on the request thread a
 * handful of downloads at once held up every other request, /healthz included.
 */
export type RenderJob =
	| { kind: 'report'; model: ReportModel }
	| { kind: 'pack'; model: PackModel }
	| { kind: 'report-docx'; model: ReportModel }
	| { kind: 'pack-docx'; model: PackModel };
export type RenderRequest = { id: number; job: RenderJob };
export type RenderReply = { id: number; bytes: Uint8Array } | { id: number; error: string };

if (!isMainThread && workerData === RENDER_WORKER && parentPort) {
	const port = parentPort;
	lowerThreadPriority();
	port.on('message', (request: RenderRequest) => {
		const { job } = request;
		renderJob(job).then(
			(rendered) => {
				// Transfer a buffer of its own, never a view into a shared pool.
				const bytes = rendered.slice();
				port.postMessage({ id: request.id, bytes } satisfies RenderReply, [bytes.buffer]);
			},
			(error: unknown) =>
				port.postMessage({
					id: request.id,
					error: error instanceof Error ? error.message : String(error)
				} satisfies RenderReply)
		);
	});
}

/**
 * A report may take seconds of CPU; saves and page loads must not wait behind it. On Linux a nice
 * value belongs to the thread that sets it, so this worker yields to the request thread (measured
 * in BENCHMARKS.md, bench:load). Elsewhere it may apply to the process or be refused: then skipped.
 */
function lowerThreadPriority(): void {
	if (process.platform !== 'linux') return;
	try {
		os.setPriority(0, 10);
	} catch {
		// not permitted here: render at normal priority
	}
}
