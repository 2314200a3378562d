import { Worker } from 'node:worker_threads';
import { logger } from '../../logger';
import { TEMPLATE_LIMITS } from './limits';
import type { UploadReply, UploadTask } from './upload-worker';

/**
 * Each upload is read on a worker thread of its own, used once and stopped after it: a hostile file
 * gets a fresh heap capped by `resourceLimits`, is stopped when it runs past its time, and leaves
 * nothing behind for the next tenant's file. (piscina and tinypool recycle workers; here recycling
 * is what must not happen.) Loading exceljs takes a worker a second or more, so once the first
 * upload has come, one spare worker is kept started and loaded for the next. At most WORKERS run
 * at once per process; later uploads wait their turn.
 */
const WORKERS = 2;
const HEAP_MB = 128;
/** The worker's own deadline is TEMPLATE_LIMITS.ms; this one catches a worker stuck in one call. */
const KILL_AFTER_MS = TEMPLATE_LIMITS.ms + 2_000;
const START_MS = 60_000;

export type UploadOutcome =
	| Exclude<UploadReply, { kind: 'started' }>
	| { kind: 'limit'; hit: 'time' | 'memory'; threadId?: undefined };

let running = 0;
const waiting: (() => void)[] = [];

async function startWorker(): Promise<Worker> {
	const { uploadWorkerUrl, UPLOAD_WORKER } = await import('./upload-worker');
	const url = new URL(uploadWorkerUrl);
	const options = {
		workerData: UPLOAD_WORKER,
		resourceLimits: { maxOldGenerationSizeMb: HEAP_MB, maxYoungGenerationSizeMb: 16 }
	};
	if (!url.pathname.endsWith('.ts')) return new Worker(url, options);
	// From source (vitest, tsx), the module is TypeScript: load it through tsx's scoped importer.
	const href = JSON.stringify(url.href);
	return new Worker(`import('tsx/esm/api').then(({ tsImport }) => tsImport(${href}, ${href}))`, {
		...options,
		eval: true
	});
}

/** Runs one upload task on a worker of its own; never throws for what the file holds. */
export async function runUploadTask(task: UploadTask): Promise<UploadOutcome> {
	if (running >= WORKERS) await new Promise<void>((resolve) => waiting.push(resolve));
	running++;
	try {
		return await runOnWorker(task);
	} finally {
		running--;
		waiting.shift()?.();
	}
}

let spare: Promise<Worker | null> | null = null;

/** A started worker: the spare if there is one, and a new spare started behind it. */
async function takeWorker(): Promise<Worker> {
	const ready = spare ? await spare : null;
	spare = startWorker().then(
		(worker) => {
			// An idle spare never keeps the process alive, and one that dies is simply not used.
			worker.unref();
			worker.once('exit', () => void (spare = null));
			worker.once('error', () => void (spare = null));
			return worker;
		},
		() => null
	);
	if (ready && ready.threadId !== -1) {
		ready.removeAllListeners();
		ready.ref();
		return ready;
	}
	return startWorker();
}

async function runOnWorker(task: UploadTask): Promise<UploadOutcome> {
	const worker = await takeWorker();
	return new Promise<UploadOutcome>((resolve) => {
		let settled = false;
		const settle = (outcome: UploadOutcome | UploadReply) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			void worker.terminate();
			resolve(outcome as UploadOutcome);
		};
		// Until the worker has loaded its code, only a start that never ends is cut short.
		let timer = setTimeout(
			() => settle({ kind: 'failed', error: 'upload worker did not start' }),
			START_MS
		);
		worker.on('message', (reply: UploadReply) => {
			if (reply.kind !== 'started') return settle(reply);
			clearTimeout(timer);
			timer = setTimeout(() => settle({ kind: 'limit', hit: 'time' }), KILL_AFTER_MS);
		});
		worker.once('error', (error: Error & { code?: string }) => {
			if (error.code === 'ERR_WORKER_OUT_OF_MEMORY')
				return settle({ kind: 'limit', hit: 'memory' });
			logger.warn({ err: error }, 'upload worker failed');
			settle({ kind: 'failed', error: error.message });
		});
		worker.once('exit', (code) =>
			settle({ kind: 'failed', error: `upload worker exited with ${code}` })
		);
		// The bytes are copied, not transferred: the caller's buffer may be a view into a shared pool.
		worker.postMessage(task);
	});
}
