import { describe, expect, it } from 'vitest';
import { findAssessment } from '../../src/lib/server/db/queries/assessments';
import { findMembership } from '../../src/lib/server/db/queries/organisations';
import { setActionStatus } from '../../src/lib/server/report/action-status';
import { draftReportKey } from '../../src/lib/server/report/draft-report-key';
import { saveGapObservation } from '../../src/lib/server/voice/consultant-voice';
import { useTestDatabase } from '../helpers/database';
import { savePackInput } from '../../src/lib/server/pack/service';
import { EMPTY_PACK_INPUT } from '../../src/lib/domain/pack-input';
import { consultancy, seedAssessment } from '../helpers/seed-assessment';

/**
 * A draft report's cache key, made without building the report model: it changes with whatever the
 * report says, and with the Shanghai date once overdue actions can be counted — at midnight Beijing
 * time (16:00 UTC), not at midnight UTC.
 */
const database = useTestDatabase('draft-key');

async function draft(answers: Parameters<typeof seedAssessment>[1]['answers']) {
	const db = database().db;
	const { orgId, ownerId } = await consultancy(db);
	const seeded = await seedAssessment(db, { orgId, actorId: ownerId, answers });
	const membership = (await findMembership(db, ownerId, orgId))!;
	const current = async () => (await findAssessment(db, { orgId, id: seeded.id }))!;
	const key = async (now = new Date('2026-12-02T03:00:00Z')) =>
		(
			await draftReportKey(db, {
				assessment: await current(),
				membership,
				lang: 'zh',
				edition: 'summary',
				now
			})
		).key;
	return { db, actor: { userId: ownerId }, current, key };
}

describe('the draft report cache key', () => {
	it('rolls over at midnight in Shanghai when an action has a due date', async () => {
		const { key } = await draft({
			'LIC-001': { status: 'non_compliant', owner: '合规部', due: '2026-12-02' }
		});
		const lateEvening = await key(new Date('2026-12-02T15:59:59Z')); // 23:59:59 in Shanghai
		expect(await key(new Date('2026-12-02T01:00:00Z'))).toBe(lateEvening); // 09:00 the same day
		expect(await key(new Date('2026-12-02T16:00:00Z'))).not.toBe(lateEvening); // 00:00 the next
	});

	it('does not depend on the day before anything is answered', async () => {
		const { key } = await draft({});
		expect(await key(new Date('2026-12-03T16:00:00Z'))).toBe(
			await key(new Date('2026-12-02T01:00:00Z'))
		);
	});

	it("changes the day after a support measure's document ends, even before anything is answered", async () => {
		const { key } = await draft({});
		// The 2024 fintech action plan runs to 2029-09-30: from the next day its measures are background.
		const lastDay = await key(new Date('2029-09-30T15:59:59Z')); // 23:59:59 in Shanghai
		expect(await key(new Date('2029-09-30T01:00:00Z'))).toBe(lastDay);
		expect(await key(new Date('2029-09-30T16:00:00Z'))).not.toBe(lastDay);
	});

	it('rolls over with the day once answers exist (stale material is weighed against it), and changes with the pack form', async () => {
		const { db, actor, current, key } = await draft({ 'LIC-001': { status: 'non_compliant' } });
		expect(await key(new Date('2026-12-03T16:00:00Z'))).not.toBe(
			await key(new Date('2026-12-02T01:00:00Z'))
		);
		const before = await key();
		const saved = await savePackInput(db, actor, {
			assessment: await current(),
			input: { ...EMPTY_PACK_INPUT, planned_filing_date: '2026-01-15' }
		});
		expect(saved.ok).toBe(true);
		expect(await key()).not.toBe(before);
	});

	it("changes with an action's status and with the consultant's words", async () => {
		const { db, actor, current, key } = await draft({ 'LIC-001': { status: 'non_compliant' } });
		const before = await key();
		expect(await key()).toBe(before);
		await setActionStatus(db, actor, {
			assessment: await current(),
			itemIds: ['LIC-001'],
			status: 'in_progress'
		});
		const afterStatus = await key();
		expect(afterStatus).not.toBe(before);
		const saved = await saveGapObservation(db, actor, {
			assessment: await current(),
			itemId: 'LIC-001',
			expectedVersion: 0,
			text: { zh: '尚未申请牌照。', en: '' }
		});
		expect(saved.ok).toBe(true);
		expect(await key()).not.toBe(afterStatus);
	});
});
