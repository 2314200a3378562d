import { createHash, randomUUID } from 'node:crypto';
import os from 'node:os';
import type { ReportModel } from '../../domain/report-model';
import type { Database } from '../db/connection';
import { logger } from '../logger';
import { findCachedReport, storeCachedReport } from '../db/queries/report-cache';
import {
	claimRenderLease,
	releaseRenderLease,
	renderLeaseHeld
} from '../db/queries/report-render-leases';
import { readServerEnv } from '../env';
import { rendererVersion, type RendererVersion } from '../documents/pdf/renderer-version';
import type { Rendered } from '../documents/pdf/worker-pool';

/**
 * The same content in the same language, drawn by the same renderer, gives the same key; a change
 * to any of them, a new one. The renderer is named by its own version (package versions, font
 * files, a hash of its source), so a change to how reports are drawn never serves an old PDF.
 */
export function reportCacheKey(
	model: ReportModel,
	renderer: Pick<RendererVersion, 'id'> = rendererVersion()
): string {
	return createHash('sha256')
		.update(JSON.stringify({ renderer: renderer.id, lang: model.lang, model }))
		.digest('hex');
}

export type ReportPdf = { bytes: Uint8Array; key: string } & (
	{ cache: 'hit' } | { cache: 'miss'; renderer: Rendered['renderer']; ms: number }
);

const inFlight = new Map<string, Promise<ReportPdf>>();

/** How reports are shared between instances (read from the environment, see env.ts). */
export interface RenderSharing {
	/** Renders one organisation may have at once, across every instance. */
	slotsPerOrg: number;
	/** How long a request waits for a report another instance is rendering. */
	waitMs: number;
	/** How often it looks for that report in the cache meanwhile. */
	pollMs: number;
	/** A lease outlives a dead instance this long (the worker's time limit and some queueing). */
	leaseMs: number;
}

export function renderSharing(): RenderSharing {
	const env = readServerEnv();
	return {
		slotsPerOrg: env.reportRendersPerOrg,
		waitMs: env.reportWaitSeconds * 1000,
		pollMs: 200,
		leaseMs: 180_000
	};
}

/** This process, as the holder of its leases. */
const holder = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/**
 * Claims one of the organisation's render slots for the render of `key`, held by this process (a
 * report here, a filing pack in server/pack/pack-render.ts): see claimRenderLease.
 */
export function claimRenderSlot(
	db: Database,
	lease: { key: string; orgId: string },
	sharing: RenderSharing
) {
	return claimRenderLease(db, {
		...lease,
		holder,
		slots: sharing.slotsPerOrg,
		ttlMs: sharing.leaseMs
	});
}

/** Frees the slot this process claimed for `key` (after the render, stored or failed). */
export function releaseRenderSlot(db: Database, key: string): Promise<void> {
	return releaseRenderLease(db, { key, holder });
}

/**
 * The report's PDF from the database when this content was rendered before (by any process),
 * otherwise rendered once, stored and returned. Concurrent requests for one key share a render: in
 * this process through `inFlight`; across instances through a lease row (claimRenderLease), claimed
 * in one statement and deleted after the render — nothing is held open meanwhile. A request that
 * finds the report leased by another instance waits for it to reach the cache (up to `waitMs`, then
 * ReportBusy 'preparing'); one whose organisation has all its render slots taken is refused at once
 * (ReportBusy 'org_full').
 */
export function cachedReportPdf(
	db: Database,
	input:
		| { assessmentId: string; orgId: string; model: ReportModel; key?: string }
		/**
		 * The model built only once this request holds a render slot: building it is a fair share of
		 * a render's work, which a request refused (organisation at its limit) or served from the
		 * cache never does.
		 */
		| { assessmentId: string; orgId: string; model: () => Promise<ReportModel>; key: string },
	render: (model: ReportModel) => Promise<Rendered>,
	sharing: RenderSharing = renderSharing()
): Promise<ReportPdf> {
	const key = input.key ?? reportCacheKey(input.model as ReportModel);
	const pending = inFlight.get(key);
	if (pending) return pending;
	const work = (async (): Promise<ReportPdf> => {
		const deadline = Date.now() + sharing.waitMs;
		for (;;) {
			const cached = await findCachedReport(db, key);
			if (cached) return { bytes: cached, key, cache: 'hit' };
			const claim = await claimRenderSlot(db, { key, orgId: input.orgId }, sharing);
			if (claim === 'claimed') return renderLeased(db, { ...input, key }, render);
			if (claim === 'raced') {
				if (Date.now() >= deadline) throw new ReportBusy('preparing', RETRY_AFTER_SECONDS);
				continue;
			}
			if (claim === 'org_full') {
				logger.info(
					{ key, orgId: input.orgId },
					'report refused: organisation at its render limit'
				);
				throw new ReportBusy('org_full', RETRY_AFTER_SECONDS);
			}
			// Another instance renders it: wait for the cache, or for its lease to end without one
			// (a failed render), then try again.
			const found = await awaitOtherRender(db, key, deadline, sharing.pollMs);
			if (found) return { bytes: found, key, cache: 'hit' };
			if (Date.now() >= deadline) throw new ReportBusy('preparing', RETRY_AFTER_SECONDS);
		}
	})().finally(() => inFlight.delete(key));
	inFlight.set(key, work);
	return work;
}

/** Seconds a refused request is told to wait: about one report's render. */
const RETRY_AFTER_SECONDS = 10;

async function renderLeased(
	db: Database,
	input: {
		assessmentId: string;
		orgId: string;
		key: string;
		model: ReportModel | (() => Promise<ReportModel>);
	},
	render: (model: ReportModel) => Promise<Rendered>
): Promise<ReportPdf> {
	const { key } = input;
	try {
		// Stored by another instance between the look-up and the claim: nothing to render.
		const cached = await findCachedReport(db, key);
		if (cached) return { bytes: cached, key, cache: 'hit' };
		const model = typeof input.model === 'function' ? await input.model() : input.model;
		const rendered = await render(model);
		logger.info(
			{ key, orgId: input.orgId, ms: Math.round(rendered.ms), renderer: rendered.renderer },
			'report rendered'
		);
		try {
			await storeCachedReport(db, {
				key,
				assessmentId: input.assessmentId,
				lang: model.lang,
				bytes: rendered.bytes
			});
		} catch (error) {
			// The cache is an optimisation: a report that cannot be stored (a full disk, a read-only
			// database) is still the reader's, served uncached; the next request renders it again.
			logger.warn({ err: error, key }, 'report cache not written: serving the report uncached');
		}
		return {
			bytes: rendered.bytes,
			key,
			cache: 'miss',
			renderer: rendered.renderer,
			ms: rendered.ms
		};
	} finally {
		await releaseRenderSlot(db, key).catch((error: unknown) =>
			// Left to expire: the report is only held up for the lease's lifetime.
			logger.warn({ err: error, key }, 'report render lease not released')
		);
	}
}

/** The report once another instance has stored it; null when its lease ended without it, or time ran out. */
async function awaitOtherRender(
	db: Database,
	key: string,
	deadline: number,
	pollMs: number
): Promise<Uint8Array | null> {
	while (Date.now() < deadline) {
		await new Promise((resolve) => setTimeout(resolve, pollMs));
		const cached = await findCachedReport(db, key);
		if (cached) return cached;
		if (!(await renderLeaseHeld(db, key))) return null;
	}
	return null;
}

/**
 * A report not served now: its organisation has every render slot taken ('org_full', 429), or
 * another instance is still rendering it ('preparing', 503). Both say when to come back.
 */
export class ReportBusy extends Error {
	constructor(
		readonly reason: 'org_full' | 'preparing',
		readonly retryAfterSeconds: number
	) {
		super(reason === 'org_full' ? 'organisation at its render limit' : 'report being prepared');
	}
}
