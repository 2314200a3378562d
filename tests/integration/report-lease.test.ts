import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { ReportModel } from '../../src/lib/domain/report-model';
import { findCachedReport } from '../../src/lib/server/db/queries/report-cache';
import { storeCachedReport } from '../../src/lib/server/db/queries/report-cache';
import type { Rendered } from '../../src/lib/server/documents/pdf/worker-pool';
import {
	cachedReportPdf,
	reportCacheKey,
	ReportBusy,
	type RenderSharing
} from '../../src/lib/server/report/report-cache';
import { useTestDatabase } from '../helpers/database';
import { consultancy, seedAssessment } from '../helpers/seed-assessment';

/**
 * The report cache with its render leases (report-cache.ts, db/queries/report-render-leases.ts), in
 * process, with a stand-in renderer: what another instance's lease does to a request. The two-instance
 * test (tests/postgres/scale-out.test.ts) shows the same across real processes.
 */
const database = useTestDatabase('lease');
const sharing: RenderSharing = { slotsPerOrg: 2, waitMs: 300, pollMs: 10, leaseMs: 60_000 };

let n = 0;
/** A distinct report model (only its key and language matter here). */
const model = () => ({ lang: 'zh', marker: `${Date.now()}-${n++}` }) as unknown as ReportModel;

function renderer() {
	const calls: ReportModel[] = [];
	const render = async (m: ReportModel): Promise<Rendered> => {
		calls.push(m);
		return {
			bytes: new TextEncoder().encode(`%PDF-${JSON.stringify(m)}`),
			renderer: 'worker',
			ms: 1
		};
	};
	return { calls, render };
}

async function assessment() {
	const db = database().db;
	const { orgId, ownerId } = await consultancy(db);
	const { id } = await seedAssessment(db, { orgId, actorId: ownerId, answers: {} });
	return { db, orgId, assessmentId: id };
}

const holdLease = (
	key: string,
	orgId: string,
	slot: number,
	expires = "now() + interval '1 minute'"
) =>
	sql`insert into report_render_leases (key, org_id, slot, holder, expires_at)
		values (${key}, ${orgId}::uuid, ${slot}, 'another-instance', ${sql.raw(expires)})`.execute(
		database().db
	);

const leases = async (orgId: string) =>
	(
		await sql<{
			key: string;
		}>`select key from report_render_leases where org_id = ${orgId}::uuid`.execute(database().db)
	).rows.map((r) => r.key);

describe('report render leases', () => {
	it('renders once, stores the report and leaves no lease behind', async () => {
		const { db, orgId, assessmentId } = await assessment();
		const m = model();
		const { calls, render } = renderer();
		const first = await cachedReportPdf(db, { assessmentId, orgId, model: m }, render, sharing);
		expect(first.cache).toBe('miss');
		expect(await leases(orgId)).toEqual([]);
		const again = await cachedReportPdf(db, { assessmentId, orgId, model: m }, render, sharing);
		expect(again.cache).toBe('hit');
		expect(calls).toHaveLength(1);
	});

	it('waits for a report another instance is rendering and serves it from the cache', async () => {
		const { db, orgId, assessmentId } = await assessment();
		const m = model();
		const key = reportCacheKey(m);
		await holdLease(key, orgId, 1);
		const { calls, render } = renderer();
		const waiting = cachedReportPdf(db, { assessmentId, orgId, model: m }, render, {
			...sharing,
			waitMs: 30_000
		});
		// The other instance finishes: its report stored, its lease released.
		const bytes = new TextEncoder().encode('%PDF-from-the-other-instance');
		await storeCachedReport(db, { key, assessmentId, lang: 'zh', bytes });
		await sql`delete from report_render_leases where key = ${key}`.execute(db);
		const served = await waiting;
		expect(served.cache).toBe('hit');
		expect(new TextDecoder().decode(served.bytes)).toBe('%PDF-from-the-other-instance');
		expect(calls).toHaveLength(0);
	});

	it('answers "being prepared" when the other instance takes longer than the wait', async () => {
		const { db, orgId, assessmentId } = await assessment();
		const m = model();
		await holdLease(reportCacheKey(m), orgId, 1);
		const { calls, render } = renderer();
		const refused = await cachedReportPdf(
			db,
			{ assessmentId, orgId, model: m },
			render,
			sharing
		).catch((error: unknown) => error);
		expect(refused).toBeInstanceOf(ReportBusy);
		expect((refused as ReportBusy).reason).toBe('preparing');
		expect((refused as ReportBusy).retryAfterSeconds).toBeGreaterThan(0);
		expect(calls).toHaveLength(0);
	});

	it('builds a report’s model only once it holds a render slot', async () => {
		const { db, orgId, assessmentId } = await assessment();
		let built = 0;
		const lazy = async () => {
			built += 1;
			return model();
		};
		await holdLease(`other-${orgId}-1`, orgId, 1);
		await holdLease(`other-${orgId}-2`, orgId, 2);
		const { calls, render } = renderer();
		const key = `lazy-${orgId}`;
		const refused = await cachedReportPdf(
			db,
			{ assessmentId, orgId, model: lazy, key },
			render,
			sharing
		).catch((error: unknown) => error);
		expect((refused as ReportBusy).reason).toBe('org_full');
		expect(built).toBe(0);
		// With a slot free, it is built once and rendered; served from the cache, never again.
		const other = await assessment();
		const otherKey = `lazy-${other.orgId}`;
		const input = {
			assessmentId: other.assessmentId,
			orgId: other.orgId,
			model: lazy,
			key: otherKey
		};
		expect((await cachedReportPdf(db, input, render, sharing)).cache).toBe('miss');
		expect((await cachedReportPdf(db, input, render, sharing)).cache).toBe('hit');
		expect(built).toBe(1);
		expect(calls).toHaveLength(1);
	});

	it('refuses a third report of one organisation while two render, and takes over a dead instance’s lease', async () => {
		const { db, orgId, assessmentId } = await assessment();
		await holdLease(`other-${orgId}-1`, orgId, 1);
		await holdLease(`other-${orgId}-2`, orgId, 2);
		const { calls, render } = renderer();
		const refused = await cachedReportPdf(
			db,
			{ assessmentId, orgId, model: model() },
			render,
			sharing
		).catch((error: unknown) => error);
		expect((refused as ReportBusy).reason).toBe('org_full');
		expect(calls).toHaveLength(0);
		// Another organisation is not held up by it.
		const other = await assessment();
		const served = await cachedReportPdf(
			db,
			{ assessmentId: other.assessmentId, orgId: other.orgId, model: model() },
			render,
			sharing
		);
		expect(served.cache).toBe('miss');

		// The instance holding slot 2 died: once its lease has expired, the slot and the report are free.
		await sql`update report_render_leases set expires_at = now() - interval '1 second'
			where org_id = ${orgId}::uuid and slot = 2`.execute(db);
		const m = model();
		await holdLease(reportCacheKey(m), orgId, 3, "now() - interval '1 second'");
		const taken = await cachedReportPdf(db, { assessmentId, orgId, model: m }, render, sharing);
		expect(taken.cache).toBe('miss');
		expect(await leases(orgId)).toEqual([`other-${orgId}-1`]);
	});

	it('releases the lease when the render fails, and serves a report it cannot store uncached', async () => {
		const { db, orgId, assessmentId } = await assessment();
		const failing = async (): Promise<Rendered> => {
			throw new Error('renderer crashed');
		};
		await expect(
			cachedReportPdf(db, { assessmentId, orgId, model: model() }, failing, sharing)
		).rejects.toThrow('renderer crashed');
		expect(await leases(orgId)).toEqual([]);

		// An assessment the cache cannot point at (deleted meanwhile): the insert fails, the reader
		// still gets the report.
		const m = model();
		const { render } = renderer();
		const served = await cachedReportPdf(
			db,
			{ assessmentId: crypto.randomUUID(), orgId, model: m },
			render,
			sharing
		);
		expect(served.cache).toBe('miss');
		expect(new TextDecoder().decode(served.bytes)).toContain('%PDF-');
		expect(await findCachedReport(db, reportCacheKey(m))).toBeNull();
		expect(await leases(orgId)).toEqual([]);
	});
});
