import { seedsCorpus } from '../../src/lib/corpus/seeds-corpus';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../src/lib/domain/profile';
import { evaluateAssessment } from '../../src/lib/domain/result';
import type { Answer } from '../../src/lib/domain/scoring';
import { baseProfile, saveAnswer, saveProfile, startAssessment } from '../helpers/assessment';
import { Browser, signUp } from '../helpers/browser';
import { loadMessages } from '../helpers/messages';

const corpus = seedsCorpus();
const messages = loadMessages();
const storedProfile: Profile = Object.fromEntries(
	Object.entries(baseProfile).map(([k, v]) => [k, v === 'true' ? true : v === 'false' ? false : v])
);
const answers: Answer[] = [
	{
		itemId: 'LIC-001',
		status: 'non_compliant',
		note: 'Lending without a licence',
		evidence: [],
		owner: '合规部 周敏',
		due: '2027-01-31'
	},
	{ itemId: 'LIC-002', status: 'partial', note: '', evidence: [], owner: null, due: null }
];
const gaps = evaluateAssessment(corpus, 'x', storedProfile, answers).score.gaps;

async function assessedFirm() {
	const browser = new Browser(undefined, { lang: 'zh' });
	const { orgId } = await signUp(browser, { orgName: '浦江数科 (上海) 有限公司' });
	const base = await startAssessment(browser, orgId);
	await saveProfile(browser, base, 0);
	await saveAnswer(browser, base, 'LIC-001', 0, {
		status: 'non_compliant',
		note: 'Lending without a licence',
		owner: '合规部 周敏',
		due: '2027-01-31'
	});
	await saveAnswer(browser, base, 'LIC-002', 0, { status: 'partial' });
	return { browser, orgId, base };
}

async function readSheet(bytes: Uint8Array) {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
	return workbook.worksheets[0]!;
}

const values = (row: ExcelJS.Row) => (row.values as ExcelJS.CellValue[]).slice(1);

describe('action plan downloads', () => {
	it('gives one XLSX row per gap in the report’s order, localized, with real due dates', async () => {
		const { browser, base } = await assessedFirm();
		for (const lang of ['zh', 'en'] as const) {
			const file = await browser.download(`${base}/action-plan.xlsx?lang=${lang}`);
			expect(file.status).toBe(200);
			expect(file.headers.get('content-type')).toBe(
				'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
			);
			const disposition = file.headers.get('content-disposition')!;
			expect(disposition).toMatch(/^attachment; filename="action-plan-\d{4}-\d{2}-\d{2}\.xlsx"; /);
			expect(decodeURIComponent(disposition.match(/filename\*=UTF-8''(.+)$/)![1]!)).toMatch(
				// The firm's registered name, which the profile saved to the organisation's record.
				/^整改计划-上海浦江数字科技有限公司-\d{4}-\d{2}-\d{2}\.xlsx$/
			);

			const sheet = await readSheet(file.bytes);
			const words = messages[lang];
			expect(values(sheet.getRow(1))).toEqual([
				words.report_item,
				words.library_col_question,
				words.report_provision,
				words.library_severity,
				words.exports_col_finding,
				words.library_remediation,
				words.answer_owner,
				words.answer_due,
				words.answer_status,
				words.report_action_status
			]);
			expect(sheet.rowCount).toBe(gaps.length + 1);
			const items = new Map(corpus.items.map((i) => [i.id, i]));
			gaps.forEach((gap, i) => {
				const row = sheet.getRow(i + 2);
				expect(row.getCell(1).value).toBe(gap.itemId);
				expect(row.getCell(2).value).toBe(items.get(gap.itemId)!.question[lang]);
				expect(row.getCell(4).value).toBe(words[`severity_${gap.severity}`]);
				expect(row.getCell(9).value).toBe(words[`status_${gap.status}`]);
				// Every action starts open; none of these is past its due date.
				expect(row.getCell(10).value).toBe(words.report_action_status_open);
			});
			const lic = sheet.getRow(gaps.findIndex((g) => g.itemId === 'LIC-001') + 2);
			expect(lic.getCell(5).value).toBe('Lending without a licence');
			expect(lic.getCell(7).value).toBe('合规部 周敏');
			expect(lic.getCell(8).value).toEqual(new Date('2027-01-31T00:00:00Z'));
			expect(lic.getCell(8).numFmt).toBe('yyyy-mm-dd');
			const provision = corpus.provisions.find(
				(p) => p.id === items.get('LIC-001')!.provisions[0]
			)!;
			// Cited in the sheet's language: an English sheet gives the English label ("(14)").
			expect(String(lic.getCell(3).value)).toContain(
				lang === 'en' ? provision.label_en : provision.label
			);
			// Unanswered items count towards completeness: they are not gaps, so not actions.
			for (let r = 2; r <= sheet.rowCount; r++)
				expect(sheet.getRow(r).getCell(9).value).not.toBe(words.status_unanswered);

			expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
			expect(sheet.autoFilter).toBeTruthy();
			expect(sheet.getColumn(2).width).toBeGreaterThan(20);
		}
	});

	it('gives the same rows as UTF-8 CSV with a byte-order mark', async () => {
		const { browser, base } = await assessedFirm();
		const file = await browser.download(`${base}/action-plan.csv?lang=en`);
		expect(file.status).toBe(200);
		expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect([...file.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const xlsx = await readSheet(
			(await browser.download(`${base}/action-plan.xlsx?lang=en`)).bytes
		);
		const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.bytes);
		expect(text.startsWith('\ufeffItem,Question,')).toBe(true);
		const lines = text.trimEnd().split('\r\n');
		const firstItems = lines.slice(1).map((l) => l.split(',')[0]);
		// Quoted multi-line cells aside, every gap's id starts a record, in the XLSX's order.
		const xlsxItems = Array.from({ length: xlsx.rowCount - 1 }, (_, i) =>
			String(xlsx.getRow(i + 2).getCell(1).value)
		);
		expect(firstItems.filter((id) => /^[A-Z]{2,5}-\d{3}$/.test(id!))).toEqual(xlsxItems);
		expect(text).toContain('2027-01-31');
	});

	it('is 404 for another organisation and 400 for an unknown language', async () => {
		const { browser, base } = await assessedFirm();
		const stranger = new Browser();
		await signUp(stranger);
		expect((await stranger.download(`${base}/action-plan.xlsx?lang=zh`)).status).toBe(404);
		expect((await stranger.download(`${base}/action-plan.csv?lang=zh`)).status).toBe(404);
		expect((await browser.download(`${base}/action-plan.csv?lang=fr`)).status).toBe(400);
	});
});
