import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { seedsCorpus } from '../../src/lib/corpus/seeds-corpus';
import { scopeItems } from '../../src/lib/domain/applicability';
import type { Profile } from '../../src/lib/domain/profile';
import { startFromPrevious } from '../../src/lib/server/assessments/history';
import { exportAssessment, importAssessment } from '../../src/lib/server/assessments/transfer';
import { saveAnswer, startAssessment } from '../../src/lib/server/assessments/service';
import { installCorpus } from '../../src/lib/server/corpus';
import { listAnswers } from '../../src/lib/server/db/queries/answers';
import { findAssessment } from '../../src/lib/server/db/queries/assessments';
import { createOrganisation } from '../../src/lib/server/orgs/organisations';
import { useTestDatabase } from '../helpers/database';
import { person } from '../helpers/seed-assessment';

/*
 * An answer carried into next year's assessment is as old as when it was given: its age is what
 * the staleness warnings (result page, dashboards, report, filing pack) judge. Confirming it is the
 * person standing by it today.
 */

const database = useTestDatabase('carried-dates');
const seeds = seedsCorpus();
const profile: Profile = {
	org_type: 'tech_company',
	registered_name: '上海浦江数字科技有限公司',
	business_lines: ['tech_services'],
	personal_information: 'under_100k',
	retail_customers: true
};

describe('answers carried into the next assessment', () => {
	it('keep the date they were given until someone confirms them', async () => {
		const db = database().db;
		await installCorpus(db, seeds);
		const userId = await person(db, 'carried');
		const actor = { userId };
		const orgId = await createOrganisation(db, actor, { name: '浦江数科', kind: 'firm' });
		const id = await startAssessment(db, actor, { orgId, title: '2025 年度', profile });
		const assessment = (await findAssessment(db, { orgId, id }))!;
		const [first, second] = scopeItems(seeds.items, profile).applicable;
		for (const item of [first!, second!])
			expect(
				(
					await saveAnswer(db, actor, {
						assessment,
						itemId: item.id,
						expectedVersion: 0,
						values: { status: 'compliant', note: '', evidence: [], owner: null, due: null }
					})
				).ok
			).toBe(true);
		// Given eighteen months ago.
		const given = new Date('2025-06-01T02:00:00Z');
		await sql`update answers set updated_at = ${given} where assessment_id = ${id}`.execute(db);

		const nextId = (await startFromPrevious(db, actor, { orgId, previousId: id }))!;
		const carried = await listAnswers(db, nextId);
		expect(carried.map((a) => a.itemId).sort()).toEqual([first!.id, second!.id].sort());
		for (const a of carried) {
			expect(a.carriedOver).toBe(true);
			expect(a.updatedAt.toISOString()).toBe(given.toISOString());
		}

		// Confirmed as it stands: dated today.
		const next = (await findAssessment(db, { orgId, id: nextId }))!;
		const confirmed = await saveAnswer(db, actor, {
			assessment: next,
			itemId: first!.id,
			expectedVersion: carried.find((a) => a.itemId === first!.id)!.version,
			values: { status: 'compliant', note: '', evidence: [], owner: null, due: null }
		});
		expect(confirmed.ok).toBe(true);
		const after = await listAnswers(db, nextId);
		const today = after.find((a) => a.itemId === first!.id)!;
		expect(Date.now() - today.updatedAt.getTime()).toBeLessThan(10 * 60_000);
		expect(after.find((a) => a.itemId === second!.id)!.updatedAt.toISOString()).toBe(
			given.toISOString()
		);
	});

	it('keep the date they were given through an export and an import', async () => {
		const db = database().db;
		await installCorpus(db, seeds);
		const userId = await person(db, 'exported');
		const actor = { userId };
		const orgId = await createOrganisation(db, actor, { name: '浦江数科导出', kind: 'firm' });
		const id = await startAssessment(db, actor, { orgId, title: '2025 年度', profile });
		const assessment = (await findAssessment(db, { orgId, id }))!;
		const [first, second, third] = scopeItems(seeds.items, profile).applicable;
		for (const item of [first!, second!, third!])
			await saveAnswer(db, actor, {
				assessment,
				itemId: item.id,
				expectedVersion: 0,
				values: { status: 'partial', note: '旧答案', evidence: [], owner: null, due: null }
			});
		const given = new Date('2025-06-01T02:00:00Z');
		await sql`update answers set updated_at = ${given} where assessment_id = ${id}`.execute(db);

		const file = (await exportAssessment(db, { orgId, id }))!;
		expect(file.answers[first!.id]!.answered_at).toBe(given.toISOString());
		// A file written before answers carried their dates, and one dated in the future.
		delete file.answers[second!.id]!.answered_at;
		file.answers[third!.id]!.answered_at = '2099-01-01T00:00:00.000Z';
		const before = Date.now();
		const imported = await importAssessment(db, actor, { orgId, clientId: null, data: file });
		expect(imported.ok).toBe(true);
		const answers = await listAnswers(db, (imported as { id: string }).id);
		const at = (itemId: string) => answers.find((a) => a.itemId === itemId)!.updatedAt.getTime();
		expect(at(first!.id)).toBe(given.getTime());
		for (const undated of [second!.id, third!.id]) {
			expect(at(undated)).toBeGreaterThanOrEqual(before - 1000);
			expect(at(undated)).toBeLessThanOrEqual(Date.now());
		}
	});
});
