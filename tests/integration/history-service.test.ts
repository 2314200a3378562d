import { seedsCorpus } from '../../src/lib/corpus/seeds-corpus';
import { describe, expect, it } from 'vitest';
import { scopeItems } from '../../src/lib/domain/applicability';
import type { Corpus } from '../../src/lib/domain/corpus';
import type { Profile } from '../../src/lib/domain/profile';
import { startFromPrevious } from '../../src/lib/server/assessments/history';
import { saveAnswer, startAssessment } from '../../src/lib/server/assessments/service';
import { moveToCurrentVersion, versionStatus } from '../../src/lib/server/assessments/versions';
import { installCorpus } from '../../src/lib/server/corpus';
import { listAnswers } from '../../src/lib/server/db/queries/answers';
import { findAssessment } from '../../src/lib/server/db/queries/assessments';
import { listAuditEntries } from '../../src/lib/server/db/queries/audit-log';
import { findMembership } from '../../src/lib/server/db/queries/organisations';
import { createClient } from '../../src/lib/server/clients/service';
import { createOrganisation } from '../../src/lib/server/orgs/organisations';
import { loadReportModel } from '../../src/lib/server/report/load-report';
import { useTestDatabase } from '../helpers/database';
import { scopeProfile } from '../../src/lib/domain/identity';
import { readFirmIdentity } from '../../src/lib/server/identity/service';
import { person } from '../helpers/seed-assessment';
import { NOTE_LIMIT } from '../../src/lib/domain/answer-rules';

const database = useTestDatabase('history');
const seeds = seedsCorpus();
const profile: Profile = {
	org_type: 'tech_company',
	registered_name: '上海浦江数字科技有限公司',
	business_lines: ['tech_services', 'ai_models'],
	personal_information: 'under_100k',
	retail_customers: true
};
const applicable = scopeItems(seeds.items, profile).applicable;
const [kept, changed, removed] = [applicable[0]!, applicable[1]!, applicable[2]!];

async function consultancyWithAssessment(label: string) {
	const db = database().db;
	await installCorpus(db, seeds);
	const userId = await person(db, label);
	const actor = { userId };
	const orgId = await createOrganisation(db, actor, { name: '浦东合规咨询', kind: 'consultancy' });
	const clientId = await createClient(db, actor, {
		orgId,
		fields: {
			name: '浦江数科',
			registeredName: '上海浦江数字科技有限公司',
			contact: null,
			notes: ''
		}
	});
	const id = await startAssessment(db, actor, { orgId, title: '2025 年度', profile, clientId });
	const assessment = (await findAssessment(db, { orgId, id }))!;
	for (const item of [kept, changed, removed]) {
		const saved = await saveAnswer(db, actor, {
			assessment,
			itemId: item.id,
			expectedVersion: 0,
			values: {
				status: 'partial',
				note: `note ${item.id}`,
				evidence: ['policy.pdf'],
				owner: '周敏',
				due: '2027-01-31'
			}
		});
		expect(saved.ok).toBe(true);
	}
	return { db, userId, orgId, clientId, id };
}

/** The seeds with one item reworded and made more severe, one removed and one added. */
function modifiedCorpus(): Corpus {
	const corpus: Corpus = structuredClone(seeds);
	const c = corpus.items.find((i) => i.id === changed.id)!;
	c.question = { zh: `${c.question.zh}（修订）`, en: `${c.question.en} (revised)` };
	c.severity = c.severity === 'critical' ? 'high' : 'critical';
	corpus.items = corpus.items.filter((i) => i.id !== removed.id);
	corpus.items.push({ ...structuredClone(kept), id: 'LIC-999' });
	return corpus;
}

describe('starting from a previous assessment (service)', () => {
	it('keeps the client, links the predecessor and audits the start; another organisation gets null', async () => {
		const { db, userId, orgId, clientId, id } = await consultancyWithAssessment('carry');
		const nextId = (await startFromPrevious(db, { userId }, { orgId, previousId: id }))!;
		const next = (await findAssessment(db, { orgId, id: nextId }))!;
		// The scope answers are copied; the registered name stays on the client record, read live.
		expect(next).toMatchObject({
			clientId,
			previousAssessmentId: id,
			title: '2026 年度',
			profile: scopeProfile(profile)
		});
		expect((await readFirmIdentity(db, next)).registeredName).toBe(profile.registered_name);
		const answers = await listAnswers(db, nextId);
		expect(answers.map((a) => [a.itemId, a.carriedOver, a.note])).toEqual(
			[kept, changed, removed].map((i) => [i.id, true, `note ${i.id}`]).sort()
		);
		const audit = await listAuditEntries(db, { orgId, assessmentId: nextId });
		expect(audit.map((e) => e.action)).toContain('assessment.started_from_previous');

		const other = await createOrganisation(db, { userId }, { name: 'Other', kind: 'firm' });
		expect(await startFromPrevious(db, { userId }, { orgId: other, previousId: id })).toBeNull();

		// The report names the client as the firm and the consultancy as assessor, with the changes.
		const membership = (await findMembership(db, userId, orgId))!;
		const model = await loadReportModel(db, { assessment: next, membership, lang: 'en' });
		expect(model.cover.firm).toBe('上海浦江数字科技有限公司');
		expect(model.cover.consultancy).toBe('浦东合规咨询');
		expect(model.cover.assessor).toContain('浦东合规咨询');
		expect(model.changes?.title.main).toMatch(/^Changes since 2025 年度/);
	});
});

describe('moving an assessment to a new questionnaire version', () => {
	it('keeps unchanged answers, asks again for changed ones and logs removed ones whole', async () => {
		const { db, userId, orgId, id } = await consultancyWithAssessment('move');
		const oldHash = (await findAssessment(db, { orgId, id }))!.versionHash;
		const current = await installCorpus(db, modifiedCorpus());
		expect(current.hash).not.toBe(oldHash);

		const before = (await findAssessment(db, { orgId, id }))!;
		const status = await versionStatus(db, before);
		expect(status.outdated).toBe(true);
		expect(status.diff.added.map((i) => i.id)).toEqual(['LIC-999']);
		expect(status.diff.removed.map((i) => i.id)).toEqual([removed.id]);
		expect(status.diff.changed.map((i) => [i.id, i.aspects])).toEqual([
			[changed.id, ['wording', 'severity']]
		]);
		expect(status.plan).toEqual({
			keep: [kept.id],
			reconfirm: [changed.id],
			carry: [],
			drop: [removed.id]
		});

		const result = await moveToCurrentVersion(db, { userId }, { assessment: before });
		expect(result).toMatchObject({ ok: true, toHash: current.hash });
		expect((await findAssessment(db, { orgId, id }))!.versionHash).toBe(current.hash);
		const answers = new Map((await listAnswers(db, id)).map((a) => [a.itemId, a]));
		expect([...answers.keys()].sort()).toEqual([kept.id, changed.id].sort());
		expect(answers.get(kept.id)).toMatchObject({
			carriedOver: false,
			version: 1,
			status: 'partial'
		});
		expect(answers.get(changed.id)).toMatchObject({
			carriedOver: true,
			version: 2,
			status: 'partial'
		});

		const audit = await listAuditEntries(db, { orgId, assessmentId: id });
		const gone = audit.find((e) => e.action === 'answer.removed_by_version')!;
		expect(gone.itemId).toBe(removed.id);
		expect(gone.oldValue).toMatchObject({
			status: 'partial',
			note: `note ${removed.id}`,
			evidence: ['policy.pdf'],
			owner: '周敏',
			due: '2027-01-31'
		});
		expect(audit.map((e) => e.action)).toContain('assessment.version_moved');

		// Moving again is nothing to do.
		const moved = (await findAssessment(db, { orgId, id }))!;
		expect(await moveToCurrentVersion(db, { userId }, { assessment: moved })).toEqual({
			ok: false,
			reason: 'current'
		});
		await installCorpus(db, seeds);
	});

	it('carries the answers of merged and split items to their successors, to be confirmed', async () => {
		const { db, userId, orgId, id } = await consultancyWithAssessment('merge');
		// kept + changed merge into LIC-901; removed splits into LIC-902 and LIC-903.
		const corpus: Corpus = structuredClone(seeds);
		const gone = [kept.id, changed.id, removed.id];
		corpus.items = corpus.items.filter((i) => !gone.includes(i.id));
		corpus.items.push(
			{ ...structuredClone(kept), id: 'LIC-901', never_na: false },
			{ ...structuredClone(removed), id: 'LIC-902', never_na: false },
			{ ...structuredClone(removed), id: 'LIC-903', never_na: false }
		);
		corpus.replacements = {
			[kept.id]: { by: ['LIC-901'], reason: 'merged' },
			[changed.id]: { by: ['LIC-901'], reason: 'merged' },
			[removed.id]: { by: ['LIC-902', 'LIC-903'], reason: 'split' }
		};
		await installCorpus(db, corpus);
		const before = (await findAssessment(db, { orgId, id }))!;
		const status = await versionStatus(db, before);
		expect(status.diff.replaced.map((r) => [r.id, r.by])).toEqual(
			[
				[kept.id, ['LIC-901']],
				[changed.id, ['LIC-901']],
				[removed.id, ['LIC-902', 'LIC-903']]
			].sort()
		);
		expect(status.plan.drop).toEqual([]);

		expect(await moveToCurrentVersion(db, { userId }, { assessment: before })).toMatchObject({
			ok: true
		});
		const answers = new Map((await listAnswers(db, id)).map((a) => [a.itemId, a]));
		expect([...answers.keys()].sort()).toEqual(['LIC-901', 'LIC-902', 'LIC-903']);
		for (const successor of answers.values())
			expect(successor).toMatchObject({
				carriedOver: true,
				status: 'partial',
				evidence: ['policy.pdf'],
				owner: '周敏',
				due: '2027-01-31'
			});
		expect(answers.get('LIC-901')!.note).toBe(
			[kept.id, changed.id]
				.sort()
				.map((i) => `[${i}] note ${i}`)
				.join('\n')
		);
		expect(answers.get('LIC-902')!.note).toBe(`note ${removed.id}`);
		const audit = await listAuditEntries(db, { orgId, assessmentId: id });
		expect(
			audit
				.filter((e) => e.action === 'answer.carried_by_version')
				.map((e) => e.itemId)
				.sort()
		).toEqual(['LIC-901', 'LIC-902', 'LIC-903']);
		expect(
			audit
				.filter((e) => e.action === 'answer.removed_by_version')
				.map((e) => e.itemId)
				.sort()
		).toEqual(gone.sort());

		// Starting from an assessment on the old version carries the same way.
		await installCorpus(db, seeds);
		const previous = await consultancyWithAssessment('merge-previous');
		await installCorpus(db, corpus);
		const nextId = (await startFromPrevious(
			db,
			{ userId: previous.userId },
			{ orgId: previous.orgId, previousId: previous.id }
		))!;
		const next = await listAnswers(db, nextId);
		expect(next.map((a) => [a.itemId, a.carriedOver, a.status])).toEqual([
			['LIC-901', true, 'partial'],
			['LIC-902', true, 'partial'],
			['LIC-903', true, 'partial']
		]);
		await installCorpus(db, seeds);
	});

	it('is refused on a final assessment, which stays as it was', async () => {
		const { db, userId, orgId, id } = await consultancyWithAssessment('final');
		await installCorpus(db, modifiedCorpus());
		await db.updateTable('assessments').set({ state: 'final' }).where('id', '=', id).execute();
		const final = (await findAssessment(db, { orgId, id }))!;
		expect(await moveToCurrentVersion(db, { userId }, { assessment: final })).toEqual({
			ok: false,
			reason: 'final'
		});
		expect((await listAnswers(db, id)).length).toBe(3);
		// Even a stale record (read before it became final) cannot move it.
		const stale = { ...final, state: 'draft' as const };
		expect(await moveToCurrentVersion(db, { userId }, { assessment: stale })).toEqual({
			ok: false,
			reason: 'conflict'
		});
		expect((await findAssessment(db, { orgId, id }))!.versionHash).toBe(final.versionHash);
		await installCorpus(db, seeds);
	});
});

describe('saving an answer: one history row per real change', () => {
	it('an identical save writes no new version and no row; a change writes one; a note over the limit is refused unless stored so', async () => {
		const { db, userId, orgId, id } = await consultancyWithAssessment('same-save');
		const assessment = (await findAssessment(db, { orgId, id }))!;
		const actor = { userId };
		const rows = async () =>
			(await listAuditEntries(db, { orgId, assessmentId: id, itemId: kept.id })).length;
		const before = await rows();
		const values = {
			status: 'partial' as const,
			note: `note ${kept.id}`,
			evidence: ['policy.pdf'],
			owner: '周敏',
			due: '2027-01-31'
		};
		const again = await saveAnswer(db, actor, {
			assessment,
			itemId: kept.id,
			expectedVersion: 1,
			values
		});
		expect(again).toMatchObject({ ok: true, version: 1 });
		expect(await rows()).toBe(before);

		const changedNote = await saveAnswer(db, actor, {
			assessment,
			itemId: kept.id,
			expectedVersion: 1,
			values: { ...values, note: 'x'.repeat(NOTE_LIMIT) }
		});
		expect(changedNote).toMatchObject({ ok: true, version: 2 });
		expect(await rows()).toBe(before + 1);

		// The same save retried on the version it was based on (its first answer was lost): the
		// stored answer is already what it asks, so it is acknowledged, not a conflict.
		const retried = await saveAnswer(db, actor, {
			assessment,
			itemId: kept.id,
			expectedVersion: 1,
			values: { ...values, note: 'x'.repeat(NOTE_LIMIT) }
		});
		expect(retried).toMatchObject({ ok: true, version: 2 });
		expect(await rows()).toBe(before + 1);
		// A different answer on that old version is a conflict still.
		const stale = await saveAnswer(db, actor, {
			assessment,
			itemId: kept.id,
			expectedVersion: 1,
			values: { ...values, note: 'another note' }
		});
		expect(stale).toMatchObject({ ok: false, reason: 'conflict', current: { version: 2 } });

		const tooLong = await saveAnswer(db, actor, {
			assessment,
			itemId: kept.id,
			expectedVersion: 2,
			values: { ...values, note: 'x'.repeat(NOTE_LIMIT + 1) }
		});
		expect(tooLong).toEqual({
			ok: false,
			reason: 'invalid',
			problems: [{ field: 'note', code: 'too_long' }]
		});
		expect(await rows()).toBe(before + 1);

		// A note stored longer (an older import, written here directly) goes back unchanged with
		// a change to another field, and is kept.
		const long = 'y'.repeat(NOTE_LIMIT + 100);
		await db
			.updateTable('answers')
			.set({ note: long })
			.where('assessment_id', '=', id)
			.where('item_id', '=', kept.id)
			.execute();
		const otherField = await saveAnswer(db, actor, {
			assessment,
			itemId: kept.id,
			expectedVersion: 2,
			values: { ...values, note: long, owner: '陈静' }
		});
		expect(otherField).toMatchObject({ ok: true, version: 3, answer: { note: long } });
	});
});
