import { describe, expect, it } from 'vitest';
import { moveAssessmentShelf, purgeAssessment } from '../../src/lib/server/assessments/lifecycle';
import { findAssessment } from '../../src/lib/server/db/queries/assessments';
import { attachEvidenceFiles } from '../../src/lib/server/evidence/files';
import { stageEvidenceBlob } from '../../src/lib/server/evidence/store';
import { tablesHolding, useTestDatabase } from '../helpers/database';
import { consultancy, seedAssessment } from '../helpers/seed-assessment';

const database = useTestDatabase('harden_purge');

describe('a purge racing a restore', () => {
	it('purges nothing, its evidence files included, when the assessment was restored after the purge read it', async () => {
		const { db } = database();
		const { orgId, ownerId } = await consultancy(db, '恢复咨询');
		const actor = { userId: ownerId };
		const seeded = await seedAssessment(db, {
			orgId,
			actorId: ownerId,
			answers: { 'LIC-001': { status: 'compliant' } }
		});
		const marker = 'RESTORED-EVIDENCE-7f3a';
		const staged = await stageEvidenceBlob(
			db,
			orgId,
			(async function* () {
				yield new TextEncoder().encode(`%PDF-1.4 ${marker}`);
			})(),
			1_000_000
		);
		await attachEvidenceFiles(db, actor, {
			assessment: seeded,
			itemId: 'LIC-001',
			uploads: [{ staged, fileName: `${marker}.pdf`, contentType: 'application/pdf' }],
			details: { effectiveOn: '2026-01-01', expiresOn: null, replaces: null }
		});
		const live = (await findAssessment(db, { orgId, id: seeded.id }))!;
		const deletedAt = new Date('2026-03-01T00:00:00Z');
		expect(
			await moveAssessmentShelf(db, actor, { assessment: live, move: 'delete', now: deletedAt })
		).toEqual({ ok: true });
		// What the purge (a person's, or the retention job's list) read: deleted.
		const stale = { ...live, deletedAt };
		// Meanwhile someone restores it.
		const deleted = (await findAssessment(db, { orgId, id: seeded.id, includeDeleted: true }))!;
		expect(await moveAssessmentShelf(db, actor, { assessment: deleted, move: 'restore' })).toEqual({
			ok: true
		});
		expect(await purgeAssessment(db, actor, stale)).toBe(false);
		expect(await findAssessment(db, { orgId, id: seeded.id })).not.toBeNull();
		// The file is still there, bytes and all: the purge released nothing before giving way.
		expect(await tablesHolding(db, marker)).toEqual(expect.arrayContaining(['evidence_files']));
		const chunks = await db
			.selectFrom('evidence_chunks')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		expect(Number(chunks.n)).toBeGreaterThan(0);
		const released = await db
			.selectFrom('audit_log')
			.select('action')
			.where('action', 'in', ['evidence.released', 'assessment.purged'])
			.where('org_id', '=', orgId)
			.execute();
		expect(released).toEqual([]);
	});
});
