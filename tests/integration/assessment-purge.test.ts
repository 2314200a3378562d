import { describe, expect, it } from 'vitest';
import { attachEvidenceFiles } from '../../src/lib/server/evidence/files';
import { stageEvidenceBlob } from '../../src/lib/server/evidence/store';
import { moveAssessmentShelf } from '../../src/lib/server/assessments/lifecycle';
import { findAssessment, listAssessments } from '../../src/lib/server/db/queries/assessments';
import { runDueJobs } from '../../src/lib/server/jobs/runner';
import { tablesHolding, useTestDatabase } from '../helpers/database';
import { consultancy, seedAssessment } from '../helpers/seed-assessment';

const database = useTestDatabase('assessment-purge');
const MARK = 'PURGEMARK7Q';

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
	yield bytes;
}

describe('an assessment’s purge', () => {
	it('runs after the grace period, and afterwards no table holds its answers, notes or files, while its audit rows keep who and when', async () => {
		const { db } = database();
		const { orgId, ownerId } = await consultancy(db, '清除咨询');
		const actor = { userId: ownerId };
		const seeded = await seedAssessment(db, {
			orgId,
			actorId: ownerId,
			answers: {
				'LIC-001': { status: 'partial', note: `${MARK} note`, evidence: [`${MARK} line`] }
			}
		});
		const staged = await stageEvidenceBlob(
			db,
			orgId,
			once(new TextEncoder().encode(`%PDF-1.4 ${MARK}`)),
			1_000_000
		);
		await attachEvidenceFiles(db, actor, {
			assessment: seeded,
			itemId: 'LIC-001',
			uploads: [{ staged, fileName: `${MARK}.pdf`, contentType: 'application/pdf' }],
			details: { effectiveOn: '2026-01-01', expiresOn: null, replaces: null }
		});
		expect(await tablesHolding(db, MARK)).toEqual(
			expect.arrayContaining(['answers', 'audit_log', 'evidence_files'])
		);

		const deletedAt = new Date('2026-03-01T00:00:00Z');
		const assessment = (await findAssessment(db, { orgId, id: seeded.id }))!;
		expect(
			await moveAssessmentShelf(db, actor, { assessment, move: 'delete', now: deletedAt })
		).toEqual({ ok: true });
		// Deleted: found by nobody but its lifecycle page, listed only as deleted.
		expect(await findAssessment(db, { orgId, id: seeded.id })).toBeNull();
		expect((await listAssessments(db, { orgId })).map((a) => a.id)).not.toContain(seeded.id);
		expect((await listAssessments(db, { orgId, shelf: 'deleted' })).map((a) => a.id)).toEqual([
			seeded.id
		]);

		// The daily run 29 days on leaves it; the one 31 days on purges it.
		const options = {
			holder: 'test',
			digestHour: 8,
			origin: 'https://x.example',
			deletionGraceDays: 30
		};
		await runDueJobs(db, { ...options, now: new Date('2026-03-30T00:30:00Z') });
		expect(await findAssessment(db, { orgId, id: seeded.id, includeDeleted: true })).not.toBeNull();
		await runDueJobs(db, { ...options, now: new Date('2026-04-01T00:30:00Z') });
		expect(await findAssessment(db, { orgId, id: seeded.id, includeDeleted: true })).toBeNull();

		expect(await tablesHolding(db, MARK)).toEqual([]);
		const blobs = await db
			.selectFrom('evidence_blobs')
			.select('id')
			.where('org_id', '=', orgId)
			.execute();
		expect(blobs).toEqual([]);
		const audit = await db
			.selectFrom('audit_log')
			.select(['action', 'actor_id', 'redacted_at'])
			.where('assessment_id', '=', seeded.id)
			.orderBy('id')
			.execute();
		expect(audit.map((r) => r.action)).toEqual(
			expect.arrayContaining(['answer.saved', 'assessment.deleted', 'assessment.purged'])
		);
		expect(audit.find((r) => r.action === 'answer.saved')!.actor_id).toBe(ownerId);
		expect(audit.find((r) => r.action === 'answer.saved')!.redacted_at).not.toBeNull();
	});
});
