import { describe, expect, it } from 'vitest';
import { saveAnswer, saveProfile, startAssessment } from '../helpers/assessment';
import { Browser, signUp } from '../helpers/browser';
import { postFile } from '../helpers/upload';
import { scopeItems } from '../../src/lib/domain/applicability';
import type { AssessmentExport } from '../../src/lib/schemas/assessment-export';
import { currentQuestionnaire } from '../../src/lib/server/corpus';
import { exportAssessment, importAssessment } from '../../src/lib/server/assessments/transfer';
import { listAuditEntries } from '../../src/lib/server/db/queries/audit-log';
import { findAssessment } from '../../src/lib/server/db/queries/assessments';
import { useTestDatabase } from '../helpers/database';
import {
	addClient,
	consultancy,
	countAssessments,
	seedAssessment,
	storedProfile
} from '../helpers/seed-assessment';

const database = useTestDatabase('transfer');

/** An applicable item that may be N/A, and one that may not. */
function naItems() {
	const { applicable } = scopeItems(currentQuestionnaire().corpus.items, storedProfile);
	return {
		allowed: applicable.find((i) => !i.never_na && i.id !== 'LIC-001')!.id,
		refused: applicable.find((i) => i.never_na)!.id
	};
}

async function exported(db = database().db) {
	const { orgId, ownerId } = await consultancy(db);
	const clientA = await addClient(db, orgId, '甲公司');
	const clientB = await addClient(db, orgId, '乙公司');
	const na = naItems().allowed;
	const assessment = await seedAssessment(db, {
		orgId,
		actorId: ownerId,
		clientId: clientA,
		answers: {
			'LIC-001': {
				status: 'non_compliant',
				note: '无牌照放贷',
				evidence: ['董事会纪要', 'Licence application'],
				owner: '合规部 周敏',
				due: '2027-01-31'
			},
			[na]: { status: 'not_applicable', note: 'No such business' }
		}
	});
	await db
		.updateTable('answers')
		.set({ carried_over: true })
		.where('assessment_id', '=', assessment.id)
		.where('item_id', '=', na)
		.execute();
	const data = (await exportAssessment(db, { orgId, id: assessment.id }))!;
	// What a file on disk holds: plain JSON, nothing shared with the live object.
	const file = JSON.parse(JSON.stringify(data)) as AssessmentExport;
	return { db, orgId, ownerId, clientA, clientB, assessment, data, file, na };
}

describe('assessment export and import (JSON)', () => {
	it('restores exactly the same answers, profile and questionnaire version, for another client', async () => {
		const { db, orgId, ownerId, clientB, file, na } = await exported();
		expect(file.format).toBe('sandbox-readiness/assessment');
		expect(file.format_version).toBe(2);
		expect(file.client).toBe('甲公司');
		expect(file.answers['LIC-001']).toEqual({
			status: 'non_compliant',
			note: '无牌照放贷',
			evidence: ['董事会纪要', 'Licence application'],
			owner: '合规部 周敏',
			due: '2027-01-31',
			carried_over: false,
			answered_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
		});
		expect(file.answers[na]!.carried_over).toBe(true);

		const result = await importAssessment(
			db,
			{ userId: ownerId },
			{
				orgId,
				clientId: clientB,
				data: file,
				// The file is client A's: importing it for client B is confirmed deliberately.
				confirmOtherClient: true
			}
		);
		expect(result.ok).toBe(true);
		const id = (result as { id: string }).id;
		const copy = (await findAssessment(db, { orgId, id }))!;
		expect(copy.state).toBe('draft');
		expect(copy.clientId).toBe(clientB);
		const again = (await exportAssessment(db, { orgId, id }))!;
		// The same answers, each still dated when it was given (not when it was imported).
		expect(again.answers).toEqual(file.answers);
		expect(again.profile).toEqual(file.profile);
		expect(again.questionnaire_version).toBe(file.questionnaire_version);
		expect(again.title).toBe(file.title);
		expect(again.client).toBe('乙公司');
		const audit = await listAuditEntries(db, { orgId, assessmentId: id });
		// The file's registered name and business scope filled the other client's empty record.
		expect(audit.map((e) => e.action)).toEqual(['assessment.imported', 'client.identity_updated']);
	});

	it('refuses a questionnaire version this database does not know, and creates nothing', async () => {
		const { db, orgId, ownerId, file } = await exported();
		const before = await countAssessments(db, orgId);
		const result = await importAssessment(
			db,
			{ userId: ownerId },
			{
				orgId,
				clientId: null,
				data: { ...file, questionnaire_version: 'a'.repeat(64) }
			}
		);
		expect(result).toEqual({
			ok: false,
			issues: [{ path: 'questionnaire_version', message: expect.stringContaining('a'.repeat(64)) }]
		});
		expect(await countAssessments(db, orgId)).toBe(before);
	});

	it('reports malformed fields by their JSON path and creates nothing', async () => {
		const { db, orgId, ownerId, file, na } = await exported();
		const before = await countAssessments(db, orgId);
		const bad = structuredClone(file) as unknown as {
			answers: Record<string, Record<string, unknown>>;
			extra?: boolean;
		};
		bad.answers['LIC-001']!.due = '2027-02-30';
		bad.answers[na]!.status = 'yes';
		bad.answers['LIC-001']!.evidence = ['ok', 42];
		bad.extra = true;
		const result = await importAssessment(
			db,
			{ userId: ownerId },
			{
				orgId,
				clientId: null,
				data: bad as unknown as AssessmentExport
			}
		);
		expect(result.ok).toBe(false);
		const paths = (result as { issues: { path: string }[] }).issues.map((i) => i.path).sort();
		expect(paths).toEqual(
			['$', 'answers.LIC-001.due', 'answers.LIC-001.evidence[1]', `answers.${na}.status`].sort()
		);
		expect(await countAssessments(db, orgId)).toBe(before);
	});

	it('checks the answers against the questionnaire: unknown items and the N/A rules', async () => {
		const { db, orgId, ownerId, file } = await exported();
		const before = await countAssessments(db, orgId);
		const { allowed, refused } = naItems();
		const data = structuredClone(file);
		data.answers['ZZZ-999'] = { ...file.answers['LIC-001']! };
		data.answers[allowed] = { ...file.answers['LIC-001']!, status: 'not_applicable', note: ' ' };
		data.answers[refused] = { ...file.answers['LIC-001']!, status: 'not_applicable', note: 'x' };
		data.profile.no_such_question = true;
		const result = await importAssessment(db, { userId: ownerId }, { orgId, clientId: null, data });
		expect(result.ok).toBe(false);
		const issues = (result as { issues: { path: string; message: string }[] }).issues;
		expect(issues.map((i) => i.path).sort()).toEqual(
			[
				'profile.no_such_question',
				'answers.ZZZ-999',
				`answers.${allowed}.note`,
				`answers.${refused}.status`
			].sort()
		);
		expect(issues.find((i) => i.path === 'answers.ZZZ-999')!.message).toContain('ZZZ-999');
		expect(await countAssessments(db, orgId)).toBe(before);
	});

	it('refuses a client of another organisation, and exports nothing of another organisation', async () => {
		const { db, orgId, ownerId, file, assessment } = await exported();
		const other = await consultancy(db, '别家咨询');
		const theirClient = await addClient(db, other.orgId, '别家客户');
		const before = await countAssessments(db, orgId);
		const result = await importAssessment(
			db,
			{ userId: ownerId },
			{
				orgId,
				clientId: theirClient,
				data: file
			}
		);
		expect(result).toEqual({
			ok: false,
			issues: [{ path: 'clientId', message: expect.any(String) }]
		});
		expect(await countAssessments(db, orgId)).toBe(before);
		expect(await exportAssessment(db, { orgId: other.orgId, id: assessment.id })).toBeNull();
	});
});

describe('assessment JSON on the web', () => {
	async function firmWithAssessment() {
		const browser = new Browser(undefined, { lang: 'en' });
		const { orgId } = await signUp(browser, { orgKind: 'consultancy' });
		const base = await startAssessment(browser, orgId);
		await saveProfile(browser, base, 0);
		await saveAnswer(browser, base, 'LIC-001', 0, {
			status: 'partial',
			note: 'Applied',
			evidence: 'Form A\nForm B',
			due: '2027-03-31'
		});
		return { browser, orgId, base };
	}
	const json = (text: string) => ({ name: 'a.json', type: 'application/json', bytes: text });

	it('downloads the JSON and imports it back from the assessments page as a new draft', async () => {
		const { browser, orgId, base } = await firmWithAssessment();
		const file = await browser.download(`${base}/export.json`);
		expect(file.status).toBe(200);
		expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="assessment-/);
		const text = new TextDecoder().decode(file.bytes);
		const page = await postFile(browser, `/o/${orgId}/assessments?/import`, json(text));
		expect(page.status).toBe(303);
		const copyBase = page.location!.replace(/\/result$/, '');
		expect(copyBase).not.toBe(base);
		const copy = JSON.parse(
			new TextDecoder().decode((await browser.download(`${copyBase}/export.json`)).bytes)
		);
		const original = JSON.parse(text);
		expect(copy.answers).toEqual(original.answers);
		expect(copy.profile).toEqual(original.profile);
		expect(copy.answers['LIC-001'].evidence).toEqual(['Form A', 'Form B']);
	});

	it('lists a bad file’s problems with their JSON paths, and refuses non-JSON and big files', async () => {
		const { browser, orgId, base } = await firmWithAssessment();
		const data = JSON.parse(
			new TextDecoder().decode((await browser.download(`${base}/export.json`)).bytes)
		);
		data.answers['LIC-001'].due = 'soon';
		const bad = await postFile(
			browser,
			`/o/${orgId}/assessments?/import`,
			json(JSON.stringify(data))
		);
		expect(bad.status).toBe(400);
		expect(bad.text).toContain('nothing was imported');
		expect(bad.text).toContain('answers.LIC-001.due');
		const notJson = await postFile(browser, `/o/${orgId}/assessments?/import`, json('{oops'));
		expect(notJson.status).toBe(400);
		expect(notJson.text).toContain('not valid JSON');
		const big = await postFile(
			browser,
			`/o/${orgId}/assessments?/import`,
			json(' '.repeat(5 * 1024 * 1024 + 1))
		);
		expect(big.status).toBe(400);
		expect(big.text).toContain('at most 5 MB');
		const list = await browser.get(`/o/${orgId}/assessments`);
		expect(list.body.match(/\/assessments\/[0-9a-f-]{36}"/g)).toHaveLength(1);
	});

	it('does not export another organisation’s assessment', async () => {
		const { base } = await firmWithAssessment();
		const stranger = new Browser();
		await signUp(stranger);
		expect((await stranger.download(`${base}/export.json`)).status).toBe(404);
	});
});
