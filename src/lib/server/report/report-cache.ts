import { createHash } from 'node:crypto';
import type { ReportModel } from '../../domain/report-model';
import type { Database } from '../db/connection';
import { logger } from '../logger';
import { findCachedReport, storeCachedReport } from '../db/queries/report-cache';
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

/**
 * The report's PDF from the database when this content was rendered before (by any process),
 * otherwise rendered once, stored and returned. Concurrent requests for one key share a render.
 */
export function cachedReportPdf(
	db: Database,
	input: { assessmentId: string; model: ReportModel },
	render: (model: ReportModel) => Promise<Rendered>
): Promise<ReportPdf> {
	const key = reportCacheKey(input.model);
	const pending = inFlight.get(key);
	if (pending) return pending;
	const work = (async (): Promise<ReportPdf> => {
		const cached = await findCachedReport(db, key);
		if (cached) return { bytes: cached, key, cache: 'hit' };
		const rendered = await render(input.model);
		try {
			await storeCachedReport(db, {
				key,
				assessmentId: input.assessmentId,
				lang: input.model.lang,
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
	})().finally(() => inFlight.delete(key));
	inFlight.set(key, work);
	return work;
}
