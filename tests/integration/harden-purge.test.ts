import { describe, expect, it } from 'vitest';
import { moveAssessmentShelf, purgeAssessment } from '../../src/lib/server/assessments/lifecycle';
import { findAssessment } from '../../src/lib/server/db/queries/assessments';
import { useTestDatabase } from '../helpers/database';
import { consultancy, seedAssessment } from '../helpers/seed-assessment';

const database = useTestDatabase('harden_purge');

describe('a purge racing a restore', () => {
	it('purges nothing when the assessment was restored after the purge read it', async () => {
		const { db } = database();
		const { orgId, ownerId } = await consultancy(db, '恢复咨询');
		const actor = { userId: ownerId };
		const seeded = await seedAssessment(db, {
			orgId,
			actorId: ownerId,
			answers: { 'LIC-001': { status: 'compliant' } }
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
	});
});
