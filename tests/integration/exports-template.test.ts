import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { scopeItems } from '../../src/lib/domain/applicability';
import { currentQuestionnaire } from '../../src/lib/server/corpus';
import { questionnaireTemplateXlsx } from '../../src/lib/server/assessments/template';
import { importQuestionnaireTemplate } from '../../src/lib/server/assessments/template-import';
import type { Database } from '../../src/lib/server/db/connection';
import { listAnswers } from '../../src/lib/server/db/queries/answers';
import { listAuditEntries } from '../../src/lib/server/db/queries/audit-log';
import { saveAnswer, saveProfile, startAssessment } from '../helpers/assessment';
import { Browser, signUp } from '../helpers/browser';
import { inviteMember, joinByInvitation } from '../helpers/consultancy';
import { useTestDatabase } from '../helpers/database';
import { consultancy, seedAssessment, storedProfile } from '../helpers/seed-assessment';
import { postFile } from '../helpers/upload';

const database = useTestDatabase('template');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function load(bytes: Uint8Array) {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
	return workbook;
}

/** The row of an item on the items sheet. */
function rowOf(sheet: ExcelJS.Worksheet, itemId: string): ExcelJS.Row {
	for (let n = 2; n <= sheet.rowCount; n++)
		if (sheet.getRow(n).getCell(1).value === itemId) return sheet.getRow(n);
	throw new Error(`no row for ${itemId}`);
}

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Imports a workbook into the test's assessment, as its owner. */
async function importWorkbook(
	ctx: { db: Database; orgId: string; ownerId: string; a: { id: string } },
	workbook: ExcelJS.Workbook
) {
	return importQuestionnaireTemplate(
		ctx.db,
		{ userId: ctx.ownerId },
		{
			orgId: ctx.orgId,
			id: ctx.a.id,
			bytes: await bytesOf(workbook)
		}
	);
}

async function assessment() {
	const db = database().db;
	const { orgId, ownerId } = await consultancy(db);
	const a = await seedAssessment(db, {
		orgId,
		actorId: ownerId,
		answers: { 'LIC-001': { status: 'partial', note: '申请中', owner: '周敏', due: '2027-01-31' } }
	});
	const applicable = scopeItems(currentQuestionnaire().corpus.items, storedProfile).applicable;
	const [second, third, fourth] = applicable.filter((i) => i.id !== 'LIC-001' && !i.never_na);
	const bytes = (await questionnaireTemplateXlsx(db, { orgId, id: a.id, lang: 'zh' }))!;
	return { db, orgId, ownerId, a, applicable, items: [second!.id, third!.id, fourth!.id], bytes };
}

describe('questionnaire template (XLSX)', () => {
	it('has one row per applicable item, the stored answers, a status list and instructions', async () => {
		const { applicable, bytes } = await assessment();
		const workbook = await load(bytes);
		const [sheet, help] = workbook.worksheets;
		expect(sheet!.name).toBe('检查项');
		expect(help!.name).toBe('说明');
		expect(sheet!.rowCount).toBe(applicable.length + 1);
		expect(sheet!.getRow(1).getCell(5).value).toBe('合规状况');
		const lic = rowOf(sheet!, 'LIC-001');
		expect(lic.getCell(5).value).toBe('部分合规');
		expect(lic.getCell(9).value).toEqual(new Date('2027-01-31T00:00:00Z'));
		expect(lic.getCell(5).dataValidation).toMatchObject({ type: 'list', allowBlank: true });
		expect(String(lic.getCell(5).dataValidation.formulae![0])).toContain('不适用');
		expect(sheet!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		expect(String(help!.getRow(1).getCell(1).value)).toContain('2026 年度自评');
	});

	it('writes both languages in a bilingual template, and reads its status words back', async () => {
		const { db, orgId, ownerId, a, items } = await assessment();
		const both = await load(
			(await questionnaireTemplateXlsx(db, { orgId, id: a.id, lang: 'both' }))!
		);
		const sheet = both.worksheets[0]!;
		expect(sheet.getRow(1).getCell(5).value).toBe('合规状况\nStatus');
		const item = currentQuestionnaire().corpus.items.find((i) => i.id === items[0])!;
		expect(rowOf(sheet, items[0]!).getCell(3).value).toBe(
			`${item.question.zh}\n${item.question.en}`
		);
		const lic = rowOf(sheet, 'LIC-001');
		expect(lic.getCell(5).value).toBe('部分合规 / Partially compliant');
		rowOf(sheet, items[0]!).getCell(5).value = '合规 / Compliant';
		const result = await importWorkbook({ db, orgId, ownerId, a }, both);
		expect(result).toEqual({ ok: true, saved: 1, skipped: 1 });
	});

	it('imports a good file through the answer save path, skipping rows equal to the stored answer', async () => {
		const { db, orgId, ownerId, a, items, bytes } = await assessment();
		const workbook = await load(bytes);
		const sheet = workbook.worksheets[0]!;
		const first = rowOf(sheet, items[0]!);
		first.getCell(5).value = 'Partial';
		first.getCell(6).value = 'Policy drafted';
		first.getCell(7).value = 'Draft policy v2\nBoard minutes';
		first.getCell(8).value = '法务部';
		first.getCell(9).value = new Date('2027-06-30T00:00:00Z');
		const second = rowOf(sheet, items[1]!);
		second.getCell(5).value = 'not_applicable';
		second.getCell(6).value = 'No such business line';
		const result = await importWorkbook({ db, orgId, ownerId, a }, workbook);
		expect(result).toEqual({ ok: true, saved: 2, skipped: 1 });
		const stored = new Map((await listAnswers(db, a.id)).map((x) => [x.itemId, x]));
		expect(stored.get(items[0]!)).toMatchObject({
			status: 'partial',
			note: 'Policy drafted',
			evidence: ['Draft policy v2', 'Board minutes'],
			owner: '法务部',
			due: '2027-06-30',
			version: 1
		});
		expect(stored.get(items[1]!)).toMatchObject({ status: 'not_applicable', version: 1 });
		expect(stored.get('LIC-001')!.version).toBe(1);
		const audit = await listAuditEntries(db, { orgId, assessmentId: a.id });
		expect(audit.filter((e) => e.action === 'answer.saved').map((e) => e.itemId)).toEqual(
			expect.arrayContaining([items[0], items[1]])
		);
		expect(audit[0]!.action).toBe('template.imported');
	});

	it('reports exactly the three bad cells by row and column, and saves nothing', async () => {
		const { db, orgId, ownerId, a, items, bytes } = await assessment();
		const workbook = await load(bytes);
		const sheet = workbook.worksheets[0]!;
		const good = rowOf(sheet, items[0]!);
		good.getCell(5).value = 'compliant';
		const badStatus = rowOf(sheet, items[1]!);
		badStatus.getCell(5).value = 'yes';
		const badDate = rowOf(sheet, 'LIC-001');
		badDate.getCell(9).value = 'next spring';
		const badItem = rowOf(sheet, items[2]!);
		badItem.getCell(1).value = 'XYZ-999';
		badItem.getCell(5).value = 'compliant';
		const answersBefore = await listAnswers(db, a.id);
		const auditBefore = await listAuditEntries(db, { orgId, assessmentId: a.id });

		const result = await importWorkbook({ db, orgId, ownerId, a }, workbook);
		expect(result?.ok).toBe(false);
		const problems = (result as { problems: string[] }).problems;
		expect(problems).toHaveLength(3);
		const at = (row: number, column: string) =>
			problems.filter((p) => p.includes(`${row}`) && new RegExp(`\\b${column}\\b`).test(p));
		expect(at(badStatus.number, 'E')[0]).toContain('yes');
		expect(at(badDate.number, 'I')[0]).toContain('next spring');
		expect(at(badItem.number, 'A')[0]).toContain('XYZ-999');
		expect(await listAnswers(db, a.id)).toEqual(answersBefore);
		expect(await listAuditEntries(db, { orgId, assessmentId: a.id })).toEqual(auditBefore);
	});

	it('refuses a final assessment and a file that is not a workbook', async () => {
		const { db, orgId, ownerId, a, bytes } = await assessment();
		const notXlsx = new TextEncoder().encode('item,status\nLIC-001,compliant\n');
		expect(
			await importQuestionnaireTemplate(
				db,
				{ userId: ownerId },
				{ orgId, id: a.id, bytes: notXlsx }
			)
		).toEqual({ ok: false, reason: 'not_xlsx' });
		await db.updateTable('assessments').set({ state: 'final' }).where('id', '=', a.id).execute();
		expect(
			await importQuestionnaireTemplate(db, { userId: ownerId }, { orgId, id: a.id, bytes })
		).toEqual({ ok: false, reason: 'final' });
	});
});

describe('questionnaire template on the web', () => {
	it('downloads the template and imports it from the result page, with bad cells listed', async () => {
		const browser = new Browser(undefined, { lang: 'en' });
		const { orgId } = await signUp(browser, { orgKind: 'consultancy' });
		const base = await startAssessment(browser, orgId);
		await saveProfile(browser, base, 0);
		await saveAnswer(browser, base, 'LIC-001', 0, { status: 'partial' });
		const result = await browser.get(`${base}/result`);
		expect(result.status).toBe(200);
		for (const href of [
			'action-plan.xlsx?lang=zh',
			'action-plan.csv?lang=en',
			'export.json',
			'template.xlsx?lang=both'
		])
			expect(result.body).toContain(`href="${base}/${href}"`);
		expect(result.text).toContain('Import a filled questionnaire template');
		expect(result.body).toContain('enctype="multipart/form-data"');
		const list = await browser.get(`/o/${orgId}/assessments`);
		expect(list.text).toContain('Import an assessment (JSON)');

		const file = await browser.download(`${base}/template.xlsx?lang=en`);
		expect(file.status).toBe(200);
		expect(file.headers.get('content-type')).toBe(XLSX);
		const workbook = await load(file.bytes);
		const sheet = workbook.worksheets[0]!;
		expect(sheet.name).toBe('Items');
		const lic = rowOf(sheet, 'LIC-001');
		lic.getCell(5).value = 'yes';
		const upload = (bytes: Uint8Array) =>
			postFile(browser, `${base}/result?/importTemplate`, { name: 't.xlsx', type: XLSX, bytes });

		const bad = await upload(await bytesOf(workbook));
		expect(bad.status).toBe(400);
		expect(bad.text).toContain(
			`Sheet Items, row ${lic.number}, column E (Status): 'yes' is not one of`
		);
		lic.getCell(5).value = 'Compliant';
		const good = await upload(await bytesOf(workbook));
		expect(good.status).toBe(200);
		expect(good.text).toContain('Imported 1 answer;');
		const again = await upload(await bytesOf(workbook));
		expect(again.text).toContain('skipped 1 unchanged');

		const stranger = new Browser();
		await signUp(stranger);
		expect((await stranger.download(`${base}/template.xlsx`)).status).toBe(404);
		const theirs = await postFile(stranger, `${base}/result?/importTemplate`, {
			name: 't.xlsx',
			type: XLSX,
			bytes: await bytesOf(workbook)
		});
		expect(theirs.status).toBe(404);
	});

	it('lets a viewer download but not import', async () => {
		const owner = new Browser(undefined, { lang: 'en' });
		const { orgId } = await signUp(owner, { orgKind: 'consultancy' });
		const base = await startAssessment(owner, orgId);
		await saveProfile(owner, base, 0);
		const viewer = await joinByInvitation(await inviteMember(owner, orgId, 'viewer'));

		expect((await viewer.download(`${base}/action-plan.xlsx?lang=en`)).status).toBe(200);
		const template = await viewer.download(`${base}/template.xlsx`);
		expect(template.status).toBe(200);
		expect((await viewer.get(`${base}/result`)).text).not.toContain(
			'Import a filled questionnaire template'
		);
		const upload = { name: 't.xlsx', type: XLSX, bytes: template.bytes };
		expect((await postFile(viewer, `${base}/result?/importTemplate`, upload)).status).toBe(403);
		const json = (await viewer.download(`${base}/export.json`)).bytes;
		const imported = await postFile(viewer, `/o/${orgId}/assessments?/import`, {
			name: 'a.json',
			type: 'application/json',
			bytes: json
		});
		expect(imported.status).toBe(403);
		expect((await viewer.get(`/o/${orgId}/assessments`)).text).not.toContain(
			'Import an assessment (JSON)'
		);
	});
});
