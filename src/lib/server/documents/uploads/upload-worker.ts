import { isMainThread, parentPort, threadId, workerData } from 'node:worker_threads';
import type { TemplateRead } from './read-template';

/** Passed as workerData, so that only a worker run-upload.ts started takes up the task. */
export const UPLOAD_WORKER = 'upload-worker';

/** This module's URL: run-upload.ts starts workers on it (one file for the build, vitest and tsx). */
export const uploadWorkerUrl = import.meta.url;

export type UploadTask =
	{ kind: 'template'; bytes: Uint8Array } | { kind: 'image'; dataUrl: string };
export type UploadReply = (
	| { kind: 'template'; read: TemplateRead }
	| { kind: 'image'; embeddable: boolean }
	| { kind: 'failed'; error: string }
	| { kind: 'started' }
) & {
	/** The thread that read the file, for the logs and the tests: never the request thread's 0. */
	threadId?: number;
};

const started = () => parentPort?.postMessage({ kind: 'started' } satisfies UploadReply);

async function run(task: UploadTask): Promise<UploadReply> {
	// Loaded here, not at the top: the request thread imports this module for its URL only. Time
	// limits count from `started`: starting a thread and loading code is not the file's doing.
	if (task.kind === 'template') {
		const { readTemplateWithLimits } = await import('./read-template');
		started();
		return { kind: 'template', read: await readTemplateWithLimits(task.bytes) };
	}
	// pdfmake decodes the image exactly as a report would.
	const { canEmbedImage } = await import('../pdf/render-pdf');
	started();
	return { kind: 'image', embeddable: await canEmbedImage(task.dataUrl) };
}

if (!isMainThread && workerData === UPLOAD_WORKER && parentPort) {
	const port = parentPort;
	// Loaded while the worker waits as a spare, so a template is read as soon as it comes.
	void import('./read-template');
	port.once('message', (task: UploadTask) => {
		run(task).then(
			(reply) => port.postMessage({ ...reply, threadId }),
			(error: unknown) =>
				port.postMessage({
					kind: 'failed',
					error: error instanceof Error ? error.message : String(error)
				} satisfies UploadReply)
		);
	});
}
