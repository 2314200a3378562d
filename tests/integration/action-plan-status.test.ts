import { FINALISE_OVER } from '../helpers/consultancy';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { saveAnswer, saveProfile, startAssessment } from '../helpers/assessment';
import { Browser, signUp } from '../helpers/browser';
import { pdfText } from '../helpers/pdf';

const SLOW = 180_000;

async function firmWithGaps() {
	const browser = new Browser(undefined, { lang: 'en' });
	const { orgId } = await signUp(browser);
	const base = await startAssessment(browser, orgId);
	await saveProfile(browser, base, 0);
	const gap = { status: 'non_compliant', note: 'Not yet', owner: 'Compliance' };
	await saveAnswer(browser, base, 'LIC-001', 0, { ...gap, due: '2020-01-31' });
	await saveAnswer(browser, base, 'CMP-001', 0, { ...gap, due: '2027-03-31' });
	await saveAnswer(browser, base, 'LIC-002', 0, { status: 'compliant', note: 'Done' });
	return { browser, base };
}

const setStatus = (browser: Browser, base: string, items: string[], status: string) =>
	browser.post(`${base}/result/action-plan?/actionStatus`, {
		__superform_id: 'action-status',
		items,
		status
	});

async function xlsxRows(bytes: Uint8Array): Promise<string[][]> {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
	const rows: string[][] = [];
	workbook.worksheets[0]!.eachRow((row) =>
		rows.push((row.values as ExcelJS.CellValue[]).slice(1).map((v) => String(v ?? '')))
	);
	return rows;
}

describe('the action plan as a plan', () => {
	it(
		'sets action statuses in bulk, shows them on the action plan page, in the PDF and the XLSX, overdue until done',
		async () => {
			const { browser, base } = await firmWithGaps();
			// The result page says how the plan stands and links to it; the plan is a page of its own.
			const result = await browser.get(`${base}/result`);
			expect(result.text).toContain(
				'Actions in the plan: 2 (2 not started, 0 in progress, 0 done).'
			);
			expect(result.text).toContain('1 overdue');
			expect(result.body).toContain(`href="${base}/result/action-plan"`);
			const page = await browser.get(`${base}/result/action-plan`);
			expect(page.text).toContain('Action status');
			// The plan is sorted by due date: the overdue LIC-001 first, flagged.
			const plan = page.text.slice(page.text.indexOf('Action status'));
			expect(plan.indexOf('LIC-001')).toBeGreaterThan(-1);
			expect(plan.indexOf('LIC-001')).toBeLessThan(plan.indexOf('CMP-001'));
			expect(page.text).toMatch(/2020-01-31\s*Overdue/);

			expect((await setStatus(browser, base, ['LIC-001', 'CMP-001'], 'in_progress')).status).toBe(
				200
			);
			expect((await setStatus(browser, base, ['LIC-001'], 'done')).status).toBe(200);
			const after = await browser.get(`${base}/result/action-plan`);
			expect(after.text).not.toMatch(/2020-01-31\s*Overdue/);
			expect(after.text).toContain('In progress');
			expect((await browser.get(`${base}/result`)).text).toContain(
				'Actions in the plan: 2 (0 not started, 1 in progress, 1 done).'
			);

			const rows = await xlsxRows(
				(await browser.download(`${base}/action-plan.xlsx?lang=en`)).bytes
			);
			expect(rows.some((r) => r.at(-1) === 'Action status')).toBe(true);
			const byItem = new Map(rows.map((r) => [r[0], r.at(-1)]));
			expect(byItem.get('LIC-001')).toBe('Done');
			expect(byItem.get('CMP-001')).toBe('In progress');
			// Words in the PDF's narrow status column may be broken over lines.
			const pdf = pdfText((await browser.download(`${base}/report.pdf?lang=en`)).bytes).replace(
				/\s+/g,
				''
			);
			expect(pdf).toContain('Actionstatus');
			expect(pdf).toContain('Inprogress');
		},
		SLOW
	);

	it(
		'refuses no choice (400 naming the field), an item that is not a gap (400 naming it), a final assessment (409)',
		async () => {
			const { browser, base } = await firmWithGaps();
			const none = await setStatus(browser, base, [], 'done');
			expect(none.status).toBe(400);
			expect(none.text).toContain('Choose at least one action.');
			const notGap = await setStatus(browser, base, ['LIC-001', 'LIC-002'], 'done');
			expect(notGap.status).toBe(400);
			expect(notGap.text).toContain('Some chosen items are not gaps: LIC-002.');
			// All or nothing: LIC-001 was not changed either.
			expect((await browser.get(`${base}/result/action-plan`)).text).toMatch(
				/2020-01-31\s*Overdue/
			);
			const badStatus = await setStatus(browser, base, ['LIC-001'], 'finished');
			expect(badStatus.status).toBe(400);

			expect((await browser.post(`${base}/review?/submit`, {})).status).toBe(200);
			expect((await browser.post(`${base}/review?/finalise`, FINALISE_OVER)).status).toBe(200);
			const final = await setStatus(browser, base, ['LIC-001'], 'done');
			expect(final.status).toBe(409);
			expect(final.text).toContain('The assessment is final');
		},
		SLOW
	);

	it(
		'filters the plan by status, severity, owner and overdue from the query, and refuses a filter it never offers (400 naming it)',
		async () => {
			const { browser, base } = await firmWithGaps();
			const plan = (query: string) => browser.get(`${base}/result/action-plan?${query}`);
			const rows = (text: string) => ['LIC-001', 'CMP-001'].filter((id) => text.includes(id));
			expect(rows((await plan('overdue=1')).text)).toEqual(['LIC-001']);
			expect((await plan('overdue=1')).text).toContain('Showing 1 of 2 actions');
			expect(rows((await plan('owner=Compliance')).text)).toEqual(['LIC-001', 'CMP-001']);
			expect(rows((await plan('owner=-')).text)).toEqual([]);
			expect((await plan('owner=-')).text).toContain('No action matches these filters.');
			expect((await setStatus(browser, base, ['CMP-001'], 'done')).status).toBe(200);
			expect(rows((await plan('status=done')).text)).toEqual(['CMP-001']);
			const badStatus = await plan('status=finished');
			expect(badStatus.status).toBe(400);
			expect(badStatus.text).toContain('The filter “Action status” is not valid.');
			const badSeverity = await plan('severity=urgent');
			expect(badSeverity.status).toBe(400);
			expect(badSeverity.text).toContain('The filter “Severity” is not valid.');
			expect((await plan('overdue=yes')).status).toBe(400);
		},
		SLOW
	);
});
