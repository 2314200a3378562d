import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PackModel } from '../../../domain/filing-pack';
import type { ReportModel } from '../../../domain/report-model';
import { logger } from '../../logger';
import type { RenderJob, RenderReply, RenderRequest } from './render-worker';

export type Renderer = 'worker' | 'inline';
export interface Rendered {
	bytes: Uint8Array;
	renderer: Renderer;
	ms: number;
}

interface Job {
	id: number;
	work: RenderJob;
	resolve(bytes: Uint8Array): void;
	reject(error: Error): void;
}

interface Slot {
	worker: Worker;
	job: Job | null;
	timer: NodeJS.Timeout | null;
	/** Whether it has rendered anything: a worker that fails before that could not start. */
	served: boolean;
}

const JOB_TIMEOUT_MS = 120_000;

/**
 * Starts a worker on the render module. Built, it is a plain .js chunk; from source (vitest, tsx,
 * vite dev) it is TypeScript, which a worker can only load through tsx's scoped importer.
 */
async function startWorker(): Promise<Worker> {
	const { renderWorkerUrl, RENDER_WORKER } = await import('./render-worker');
	const url = new URL(renderWorkerUrl);
	if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData: RENDER_WORKER });
	const href = JSON.stringify(url.href);
	return new Worker(`import('tsx/esm/api').then(({ tsImport }) => tsImport(${href}, ${href}))`, {
		eval: true,
		workerData: RENDER_WORKER
	});
}

/**
 * Renders reports and filing packs on worker threads so that a long document never blocks the
 * request thread. A worker that dies or hangs is replaced; jobs wait in order when every worker is
 * busy.
 */
export class RenderPool {
	private readonly slots: Slot[] = [];
	private readonly queue: Job[] = [];
	private nextId = 1;
	private starting = 0;
	private workersFailed = false;
	private closed = false;

	constructor(readonly size: number = defaultPoolSize()) {}

	/** A gap report's PDF. */
	render(model: ReportModel): Promise<Rendered> {
		return this.run({ kind: 'report', model });
	}

	/** A filing pack's PDF, in the same queue as the reports. */
	renderPack(model: PackModel): Promise<Rendered> {
		return this.run({ kind: 'pack', model });
	}

	/** A gap report's Word file, in the same queue. */
	renderReportDocx(model: ReportModel): Promise<Rendered> {
		return this.run({ kind: 'report-docx', model });
	}

	/** A filing pack's Word file, in the same queue. */
	renderPackDocx(model: PackModel): Promise<Rendered> {
		return this.run({ kind: 'pack-docx', model });
	}

	private async run(work: RenderJob): Promise<Rendered> {
		const started = performance.now();
		if (this.closed) throw new PoolClosedError();
		if (this.workersFailed) return this.renderInline(work, started);
		try {
			const bytes = await new Promise<Uint8Array>((resolve, reject) => {
				this.queue.push({ id: this.nextId++, work, resolve, reject });
				this.dispatch();
			});
			return { bytes, renderer: 'worker', ms: performance.now() - started };
		} catch (error) {
			if (!(error instanceof WorkerStartError)) throw error;
			logger.warn({ err: error }, 'report workers cannot start: rendering on the request thread');
			this.workersFailed = true;
			return this.renderInline(work, started);
		}
	}

	/** Where workers cannot start at all; the built server is tested to use workers. */
	private async renderInline(work: RenderJob, started: number): Promise<Rendered> {
		const bytes = await (await import('./render-job')).renderJob(work);
		return { bytes, renderer: 'inline', ms: performance.now() - started };
	}

	/**
	 * Renders a throw-away report ahead of the first real one, which then finds a worker started,
	 * its fonts parsed and its code compiled (the first report on a new worker took twice as long).
	 */
	warm(model: ReportModel): void {
		this.render(model).catch((error: unknown) => {
			if (!(error instanceof PoolClosedError))
				logger.warn({ err: error }, 'warming the report workers failed');
		});
	}

	/**
	 * Stops the workers (the server's shutdown). A job still rendering or waiting is refused, and its
	 * time limit cleared: a pending limit (two minutes) kept the stopping process alive that long.
	 */
	async close(): Promise<void> {
		this.closed = true;
		const slots = this.slots.splice(0);
		for (const slot of slots) {
			if (slot.timer) clearTimeout(slot.timer);
			slot.job?.reject(new PoolClosedError());
			slot.job = null;
			slot.timer = null;
		}
		for (const job of this.queue.splice(0)) job.reject(new PoolClosedError());
		await Promise.all(slots.map((s) => s.worker.terminate()));
	}

	private dispatch(): void {
		while (this.queue.length > 0) {
			const idle = this.slots.find((s) => s.job === null);
			if (idle) {
				this.assign(idle, this.queue.shift()!);
				continue;
			}
			if (this.slots.length + this.starting < this.size) void this.grow();
			return;
		}
	}

	private async grow(): Promise<void> {
		this.starting++;
		let worker: Worker;
		try {
			worker = await startWorker();
		} catch (error) {
			this.starting--;
			for (const job of this.queue.splice(0)) job.reject(new WorkerStartError(error));
			return;
		}
		this.starting--;
		if (this.closed) {
			void worker.terminate();
			return;
		}
		const slot: Slot = { worker, job: null, timer: null, served: false };
		this.slots.push(slot);
		worker.unref();
		worker.on('message', (reply: RenderReply) => this.finish(slot, reply));
		worker.on('error', (error) => this.retire(slot, error));
		worker.on('exit', (code) => this.retire(slot, new Error(`report worker exited with ${code}`)));
		this.dispatch();
	}

	private assign(slot: Slot, job: Job): void {
		slot.job = job;
		slot.worker.ref();
		slot.timer = setTimeout(() => {
			void slot.worker.terminate();
			this.retire(slot, new Error('report rendering timed out'));
		}, JOB_TIMEOUT_MS);
		slot.worker.postMessage({ id: job.id, job: job.work } satisfies RenderRequest);
	}

	private finish(slot: Slot, reply: RenderReply): void {
		const job = slot.job;
		if (!job || job.id !== reply.id) return;
		if (slot.timer) clearTimeout(slot.timer);
		slot.job = null;
		slot.timer = null;
		slot.served = true;
		slot.worker.unref();
		if ('error' in reply) job.reject(new Error(reply.error));
		else job.resolve(reply.bytes);
		this.dispatch();
	}

	private retire(slot: Slot, error: Error): void {
		const index = this.slots.indexOf(slot);
		if (index === -1) return;
		this.slots.splice(index, 1);
		if (slot.timer) clearTimeout(slot.timer);
		slot.job?.reject(slot.served ? error : new WorkerStartError(error));
		this.dispatch();
	}
}

export class PoolClosedError extends Error {
	constructor() {
		super('the report workers have stopped: the server is shutting down');
	}
}

export class WorkerStartError extends Error {
	constructor(cause: unknown) {
		super(
			`report workers cannot start: ${cause instanceof Error ? cause.message : String(cause)}`,
			{
				cause
			}
		);
	}
}

function defaultPoolSize(): number {
	const configured = Number(process.env.REPORT_WORKERS);
	if (Number.isInteger(configured) && configured > 0) return configured;
	return Math.max(1, Math.min(4, os.availableParallelism() - 1));
}

let shared: RenderPool | null = null;

/** The process's pool, started on first use. */
export function renderPool(): RenderPool {
	shared ??= new RenderPool();
	return shared;
}
