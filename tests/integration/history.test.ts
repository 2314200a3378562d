import { describe, expect, it } from 'vitest';
import { saveAnswer, saveProfile, startAssessment } from '../helpers/assessment';
import { Browser, signUp } from '../helpers/browser';
import { pdfText, squash } from '../helpers/pdf';

const SLOW = 180_000;

/** RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks. */
function parse(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	const endField = () => {
		row.push(field);
		field = '';
	};
	for (let i = 0; i < text.length; i++) {
		const ch = text[i]!;
		if (quoted && ch === '"' && text[i + 1] === '"') {
			field += '"';
			i++;
		} else if (ch === '"') quoted = !quoted;
		else if (quoted || (ch !== ',' && ch !== '\n' && ch !== '\r')) field += ch;
		else if (ch === ',') endField();
		else if (ch === '\n') {
			endField();
			rows.push(row);
			row = [];
		}
	}
	if (field !== '' || row.length) {
		endField();
		rows.push(row);
	}
	return rows;
}

/** A firm with last year's assessment: LIC-001 not compliant, LIC-002 compliant. */
async function lastYear() {
	const browser = new Browser(undefined, { lang: 'zh' });
	const { orgId } = await signUp(browser, { orgName: '浦江数科有限公司' });
	const base = await startAssessment(browser, orgId, '2025 自评');
	await saveProfile(browser, base, 0);
	expect((await saveAnswer(browser, base, 'LIC-001', 0, { status: 'non_compliant' })).status).toBe(
		200
	);
	expect((await saveAnswer(browser, base, 'LIC-002', 0, { status: 'compliant' })).status).toBe(200);
	const previousId = base.split('/').pop()!;
	return { browser, orgId, base, previousId };
}

async function startNext(browser: Browser, orgId: string, previousId: string) {
	const page = await browser.post(`/o/${orgId}/assessments?/next`, { previousId, title: '' });
	expect(page.status).toBe(303);
	expect(page.location).toMatch(/\/questionnaire$/);
	return page.location!.replace(/\/questionnaire$/, '');
}

describe('starting an assessment from a previous one', () => {
	it('copies the profile and answers, marked carried over until confirmed or saved', async () => {
		const { browser, orgId, previousId } = await lastYear();
		const next = await startNext(browser, orgId, previousId);

		const list = await browser.get(`/o/${orgId}/assessments`);
		expect(list.text).toContain('2026 自评');

		const questionnaire = await browser.get(`${next}/questionnaire`);
		expect(questionnaire.status).toBe(200);
		expect(questionnaire.text).toContain('沿用上次答案，请确认');
		expect(questionnaire.text).not.toContain('请先填写机构基本信息');
		expect(questionnaire.text).toContain('确认本领域全部沿用答案（2 项）');

		const item = await browser.get(`${next}/items/LIC-001`);
		expect(item.text).toContain('沿用上次答案，请确认');
		expect(item.body).toContain('value="non_compliant" checked');

		// Confirm one item: its mark goes, the other's stays.
		const confirmed = await browser.post(`${next}/items/LIC-001?/confirm`, { itemId: 'LIC-001' });
		expect(confirmed.status).toBe(200);
		expect((await browser.get(`${next}/items/LIC-001`)).text).not.toContain('沿用上次答案');
		expect((await browser.get(`${next}/items/LIC-002`)).text).toContain('沿用上次答案');

		// Saving a carried-over answer (copied as version 1) clears its mark too.
		const saved = await saveAnswer(browser, next, 'LIC-002', 1, { status: 'partial' });
		expect(saved.status).toBe(200);
		expect((await browser.get(`${next}/items/LIC-002`)).text).not.toContain('沿用上次答案');
		const after = await browser.get(`${next}/questionnaire`);
		expect(after.text).not.toContain('沿用上次答案');
	});

	it('confirms every carried-over answer of a domain at once', async () => {
		const { browser, orgId, previousId } = await lastYear();
		const next = await startNext(browser, orgId, previousId);
		const q = await browser.get(`${next}/questionnaire`);
		const domain = q.body.match(/name="domain" value="([a-z_]+)"/)![1]!;
		const page = await browser.post(`${next}/questionnaire?/confirm&domain=${domain}`, { domain });
		expect(page.status).toBe(200);
		expect(page.text).toContain('已确认 2 项答案');
		expect((await browser.get(`${next}/questionnaire`)).text).not.toContain('沿用上次答案');
	});

	it('refuses another organisation’s assessment as the previous one (404)', async () => {
		const { previousId } = await lastYear();
		const stranger = new Browser();
		const { orgId } = await signUp(stranger, { orgName: 'Other Ltd' });
		const page = await stranger.post(`/o/${orgId}/assessments?/next`, { previousId, title: '' });
		expect(page.status).toBe(404);
	});
});

describe('comparing two assessments', () => {
	it(
		'shows per domain and per item what improved and regressed, as a page, a CSV and in the PDF',
		async () => {
			const { browser, orgId, base, previousId } = await lastYear();
			const next = await startNext(browser, orgId, previousId);
			expect((await saveAnswer(browser, next, 'LIC-001', 1, { status: 'compliant' })).status).toBe(
				200
			);
			expect(
				(await saveAnswer(browser, next, 'LIC-002', 1, { status: 'non_compliant' })).status
			).toBe(200);

			const result = await browser.get(`${next}/result`);
			expect(result.body).toContain(`${next}/compare/${previousId}`);
			const choose = await browser.get(`${next}/compare`);
			expect(choose.text).toMatch(/2025 自评 .* 与上一次评估对比/);

			const page = await browser.get(`${next}/compare/${previousId}`);
			expect(page.status).toBe(200);
			expect(page.text).toMatch(/LIC-001.*改善.*不合规.*合规/);
			expect(page.text).toMatch(/LIC-002.*退步/);
			expect(page.text).toContain('2025 自评');

			const csv = await browser.download(`${next}/compare/${previousId}/compare.csv`);
			expect(csv.status).toBe(200);
			expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
			expect([...csv.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
			const rows: string[][] = parse(new TextDecoder().decode(csv.bytes));
			expect(rows[0]![0]).toBe('kind');
			const lic1 = rows.find((r) => r[1] === 'LIC-001')!;
			expect(lic1.slice(4)).toEqual(['不合规', '合规', '改善']);
			expect(rows.find((r) => r[1] === 'LIC-002')![6]).toBe('退步');
			expect(rows.find((r) => r[0] === 'overall')).toBeDefined();

			// The same comparison read from the other end gives the same order: the earlier is "before".
			const reverse = await browser.download(
				`${base}/compare/${next.split('/').pop()}/compare.csv`
			);
			expect(new TextDecoder().decode(reverse.bytes)).toBe(new TextDecoder().decode(csv.bytes));

			const pdf = await browser.download(`${next}/report.pdf?lang=both`);
			expect(pdf.status).toBe(200);
			const text = squash(pdfText(pdf.bytes));
			expect(text).toContain(squash('自 2025 自评'));
			expect(text).toContain(squash('Changes since 2025 自评'));
			// Table cells wrap and interleave in pdftotext's reading: each language on its own.
			const section = text.slice(text.indexOf(squash('Changes since 2025 自评')));
			for (const word of ['改善/', 'Improved', '退步/', 'Regressed', 'LIC001', 'LIC002'])
				expect(section).toContain(word);
		},
		SLOW
	);

	it('is not found for an assessment of another organisation', async () => {
		const { browser, orgId, base } = await lastYear();
		const other = await lastYear();
		expect((await browser.get(`${base}/compare/${other.previousId}`)).status).toBe(404);
		expect((await browser.get(`${base}/compare/${other.previousId}/compare.csv`)).status).toBe(404);
		expect((await other.browser.get(`${base}/compare`)).status).toBe(404);
		expect(orgId).not.toBe(other.orgId);
	});
});

describe('the questionnaire version page', () => {
	it('says an assessment on the current version is up to date, and moving it changes nothing', async () => {
		const { browser, base } = await lastYear();
		const page = await browser.get(`${base}/version`);
		expect(page.status).toBe(200);
		expect(page.text).toContain('本评估已使用当前问卷版本。');
		expect((await browser.get(`${base}/questionnaire`)).text).not.toContain('问卷已更新');
		const moved = await browser.post(`${base}/version?/move`, {});
		expect(moved.status).toBe(303);
		expect((await browser.get(`${base}/items/LIC-001`)).body).toContain(
			'value="non_compliant" checked'
		);
	});
});
