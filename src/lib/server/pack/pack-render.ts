import { createHash, randomUUID } from 'node:crypto';
import type { PackModel } from '../../domain/filing-pack';
import type { Database } from '../db/connection';
import { renderPool, type Rendered } from '../documents/pdf/worker-pool';
import { logger } from '../logger';
import {
	claimRenderSlot,
	releaseRenderSlot,
	ReportBusy,
	renderSharing,
	type RenderSharing
} from '../report/report-cache';

/** Seconds a refused pack is told to wait: about one pack's render. */
const RETRY_AFTER_SECONDS = 5;

const inFlight = new Map<string, Promise<Rendered>>();

/**
 * The filing pack's PDF, rendered off the request thread by the report workers, under the same
 * per-organisation limit as the reports: each render takes one of its organisation's slots (a row
 * in `report_render_leases`, claimed in one statement, deleted after the render, lapsing if this
 * instance dies), so one organisation's packs and reports together never hold more than
 * `slotsPerOrg` of the workers, whatever the number of instances. With no slot free: ReportBusy
 * 'org_full' (429). The same pack asked for twice at once in this process is rendered once. A pack
 * changes with every edit, so nothing is cached.
 */
export function renderPackPdfShared(
	db: Database,
	input: { orgId: string; model: PackModel },
	render: (model: PackModel) => Promise<Rendered> = (m) => renderPool().renderPack(m),
	sharing: RenderSharing = renderSharing()
): Promise<Rendered> {
	const content = createHash('sha256').update(JSON.stringify(input.model)).digest('hex');
	const pending = inFlight.get(content);
	if (pending) return pending;
	const work = (async () => {
		// One lease per render: its key is never another's, so only the organisation's slots decide.
		const key = `pack:${content.slice(0, 32)}:${randomUUID()}`;
		for (let attempt = 0; ; attempt++) {
			const claim = await claimRenderSlot(db, { key, orgId: input.orgId }, sharing);
			if (claim === 'claimed') break;
			// 'raced': a slot was freed between the two statements of the claim; claim again.
			if (claim === 'org_full' || attempt >= 3) {
				logger.info({ orgId: input.orgId }, 'pack refused: organisation at its render limit');
				throw new ReportBusy('org_full', RETRY_AFTER_SECONDS);
			}
		}
		try {
			const rendered = await render(input.model);
			logger.info(
				{ orgId: input.orgId, ms: Math.round(rendered.ms), renderer: rendered.renderer },
				'pack rendered'
			);
			return rendered;
		} finally {
			await releaseRenderSlot(db, key).catch((error: unknown) =>
				// Left to expire: the slot is only held for the lease's lifetime.
				logger.warn({ err: error, key }, 'pack render lease not released')
			);
		}
	})().finally(() => inFlight.delete(content));
	inFlight.set(content, work);
	return work;
}
