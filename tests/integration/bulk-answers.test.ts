import { seedsCorpus } from '../../src/lib/corpus/seeds-corpus';
import { describe, expect, it } from 'vitest';
import { scopeItems } from '../../src/lib/domain/applicability';
import type { Profile } from '../../src/lib/domain/profile';
import type { AnswerValues } from '../../src/lib/domain/stored-answer';
import { changeAnswers } from '../../src/lib/server/assessments/bulk';
import { saveAnswer, startAssessment } from '../../src/lib/server/assessments/service';
import { answerHistory } from '../../src/lib/server/audit/service';
import { installCorpus } from '../../src/lib/server/corpus';
import { listAnswers } from '../../src/lib/server/db/queries/answers';
import { findAssessment } from '../../src/lib/server/db/queries/assessments';
import { createOrganisation } from '../../src/lib/server/orgs/organisations';
import { useTestDatabase } from '../helpers/database';
import { person } from '../helpers/seed-assessment';

/*
 * The workspace's bulk owner and due date: only gaps take them, each chosen item is checked on the
 * version the person saw, the rest are named with a reason, and each change is a version of its
 * own with one history row saying who changed what.
 */

const database = useTestDatabase('bulk-answers');
const seeds = seedsCorpus();
const profile: Profile = {
	org_type: 'tech_company',
	registered_name: '上海浦江数字科技有限公司',
	business_lines: ['tech_services', 'ai_models'],
	personal_information: 'under_100k',
	retail_customers: true
};
const applicable = scopeItems(seeds.items, profile).applicable;

async function firmWithAnswers() {
	const db = database().db;
	await installCorpus(db, seeds);
	const userId = await person(db, 'bulk');
	const actor = { userId };
	const orgId = await createOrganisation(db, actor, { name: '浦江数科', kind: 'firm' });
	const id = await startAssessment(db, actor, { orgId, title: '2026', profile });
	const assessment = (await findAssessment(db, { orgId, id }))!;
	const [partial, missing, compliant, unanswered, busy] = applicable.map((i) => i.id) as [
		string,
		string,
		string,
		string,
		string
	];
	const save = async (itemId: string, version: number, values: Partial<AnswerValues>) => {
		const saved = await saveAnswer(db, actor, {
			assessment,
			itemId,
			expectedVersion: version,
			values: {
				status: 'partial',
				note: `note ${itemId}`,
				evidence: [],
				owner: null,
				due: null,
				...values
			}
		});
		expect(saved.ok).toBe(true);
	};
	await save(partial, 0, { status: 'partial', owner: '周敏', due: '2027-01-31' });
	await save(missing, 0, { status: 'non_compliant' });
	await save(compliant, 0, { status: 'compliant' });
	await save(busy, 0, { status: 'partial' });
	const answers = async () => new Map((await listAnswers(db, id)).map((a) => [a.itemId, a]));
	return {
		db,
		actor,
		assessment,
		ids: { partial, missing, compliant, unanswered, busy },
		save,
		answers
	};
}

describe('bulk owner and due date', () => {
	it('sets the owner on the chosen gaps only, each on the version seen, and names the rest', async () => {
		const { db, actor, assessment, ids, save, answers } = await firmWithAnswers();
		// Someone saves one of them after the person chose it (at version 1).
		await save(ids.busy, 1, { status: 'partial', note: 'changed meanwhile' });

		const result = await changeAnswers(db, actor, {
			assessment,
			items: [
				{ itemId: ids.partial, version: 1 },
				{ itemId: ids.missing, version: 1 },
				{ itemId: ids.compliant, version: 1 },
				{ itemId: ids.unanswered, version: 0 },
				{ itemId: ids.busy, version: 1 }
			],
			change: { kind: 'owner', owner: '合规部' }
		});
		expect(result.changed).toEqual([ids.partial, ids.missing]);
		expect(result.skipped).toEqual([
			{ itemId: ids.compliant, reason: 'not_gap' },
			{ itemId: ids.unanswered, reason: 'not_gap' },
			{ itemId: ids.busy, reason: 'conflict' }
		]);

		const after = await answers();
		// The owner changed and nothing else: the note and due date stay, the version moves on.
		expect(after.get(ids.partial)).toMatchObject({
			status: 'partial',
			note: `note ${ids.partial}`,
			owner: '合规部',
			due: '2027-01-31',
			version: 2
		});
		expect(after.get(ids.missing)).toMatchObject({ owner: '合规部', version: 2 });
		expect(after.get(ids.compliant)).toMatchObject({ owner: null, version: 1 });
		expect(after.has(ids.unanswered)).toBe(false);
		expect(after.get(ids.busy)).toMatchObject({
			note: 'changed meanwhile',
			owner: null,
			version: 2
		});

		// One history row per change, saying who and what changed.
		const history = await answerHistory(db, assessment, ids.partial);
		expect(history).toHaveLength(2);
		expect(history[0]).toMatchObject({
			actorName: 'bulk',
			oldValue: { owner: '周敏' },
			newValue: { owner: '合规部', due: '2027-01-31' }
		});
		expect(await answerHistory(db, assessment, ids.compliant)).toHaveLength(1);
		expect(await answerHistory(db, assessment, ids.busy)).toHaveLength(2);

		// The same owner again is no change: no version, no history row, and it is said so.
		const again = await changeAnswers(db, actor, {
			assessment,
			items: [{ itemId: ids.partial, version: 2 }],
			change: { kind: 'owner', owner: '合规部' }
		});
		expect(again).toEqual({ changed: [], skipped: [{ itemId: ids.partial, reason: 'unchanged' }] });
		expect((await answers()).get(ids.partial)?.version).toBe(2);
		expect(await answerHistory(db, assessment, ids.partial)).toHaveLength(2);
	});

	it('sets the due date on the chosen gaps, skipping one saved since and one that is no gap', async () => {
		const { db, actor, assessment, ids, save, answers } = await firmWithAnswers();
		await save(ids.missing, 1, { status: 'non_compliant', note: 'reworded' });

		const result = await changeAnswers(db, actor, {
			assessment,
			items: [
				{ itemId: ids.partial, version: 1 },
				{ itemId: ids.missing, version: 1 },
				{ itemId: ids.compliant, version: 1 },
				{ itemId: ids.busy, version: 1 }
			],
			change: { kind: 'due', due: '2027-06-30' }
		});
		expect(result.changed).toEqual([ids.partial, ids.busy]);
		expect(result.skipped).toEqual([
			{ itemId: ids.missing, reason: 'conflict' },
			{ itemId: ids.compliant, reason: 'not_gap' }
		]);
		const after = await answers();
		expect(after.get(ids.partial)).toMatchObject({ owner: '周敏', due: '2027-06-30', version: 2 });
		expect(after.get(ids.busy)).toMatchObject({ due: '2027-06-30', version: 2 });
		expect(after.get(ids.missing)).toMatchObject({ note: 'reworded', due: null, version: 2 });
		expect(after.get(ids.compliant)).toMatchObject({ due: null, version: 1 });

		const history = await answerHistory(db, assessment, ids.busy);
		expect(history).toHaveLength(2);
		expect(history[0]).toMatchObject({
			actorName: 'bulk',
			oldValue: { due: null },
			newValue: { due: '2027-06-30', status: 'partial' }
		});
	});
});
