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

/** Seconds a refused render is told to wait: about one pack's render. */
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
	return renderInOrgSlot(
		db,
		{ orgId: input.orgId, kind: 'pack', key: content },
		() => render(input.model),
		sharing
	);
}

/**
 * One document (`kind`: 'pack', 'pack-docx', 'report-docx'; `key` names its content) produced on
 * the report workers within one of its organisation's render slots, as renderPackPdfShared
 * describes: the slot is claimed before `produce` runs, so a request refused for want of one costs
 * nothing (not even the model), and the same document asked for twice at once in this process is
 * produced once.
 */
export function renderInOrgSlot(
	db: Database,
	input: { orgId: string; kind: string; key: string },
	produce: () => Promise<Rendered>,
	sharing: RenderSharing = renderSharing()
): Promise<Rendered> {
	const content = `${input.kind}:${input.key}`;
	const pending = inFlight.get(content);
	if (pending) return pending;
	const work = (async () => {
		// One lease per render: its key is never another's, so only the organisation's slots decide.
		const key = `${input.kind}:${input.key.slice(0, 32)}:${randomUUID()}`;
		for (let attempt = 0; ; attempt++) {
			const claim = await claimRenderSlot(db, { key, orgId: input.orgId }, sharing);
			if (claim === 'claimed') break;
			// 'raced': a slot was freed between the two statements of the claim; claim again.
			if (claim === 'org_full' || attempt >= 3) {
				logger.info(
					{ orgId: input.orgId, kind: input.kind },
					'render refused: organisation at its render limit'
				);
				throw new ReportBusy('org_full', RETRY_AFTER_SECONDS);
			}
		}
		try {
			const rendered = await produce();
			logger.info(
				{
					orgId: input.orgId,
					kind: input.kind,
					ms: Math.round(rendered.ms),
					renderer: rendered.renderer
				},
				'document rendered'
			);
			return rendered;
		} finally {
			await releaseRenderSlot(db, key).catch((error: unknown) =>
				// Left to expire: the slot is only held for the lease's lifetime.
				logger.warn({ err: error, key }, 'render lease not released')
			);
		}
	})().finally(() => inFlight.delete(content));
	inFlight.set(content, work);
	return work;
}
