import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { saveAnswer, saveProfile, startAssessment } from '../helpers/assessment';
import { Api, createTokenInSettings } from '../helpers/api';
import { Browser, signUp } from '../helpers/browser';
import { pdfText, squash } from '../helpers/pdf';

const SLOW = 180_000;

const docxText = (bytes: Uint8Array) =>
	strFromU8(unzipSync(bytes)['word/document.xml']!)
		.replace(/<w:p[ >]/g, '\n$&')
		.replace(/<[^>]+>/g, '');

describe('the filing pack form on the API, and stale material', () => {
	it(
		'saves the form with a version and refuses a stale one with the current form',
		async () => {
			const browser = new Browser(undefined, { lang: 'zh' });
			const { orgId } = await signUp(browser);
			const base = await startAssessment(browser, orgId);
			await saveProfile(browser, base, 0);
			const api = new Api(await createTokenInSettings(browser, orgId));
			const id = base.split('/').pop()!;

			const empty = await api.get(`/assessments/${id}/pack`);
			expect(empty.status).toBe(200);
			expect(empty.json).toMatchObject({ version: 0, service_name: null, validity_months: 3 });

			const bad = await api.put(`/assessments/${id}/pack`, {
				planned_filing_date: '2027-02-30',
				validity_months: 25,
				service_name: 'x'.repeat(501)
			});
			expect(bad.status).toBe(400);
			expect(Object.keys(bad.json.error.fields).sort()).toEqual([
				'planned_filing_date',
				'service_name',
				'validity_months'
			]);
			expect((await api.get(`/assessments/${id}/pack`)).json.version).toBe(0);

			const saved = await api.put(`/assessments/${id}/pack`, {
				service_name: '区块链跨境汇款对账服务',
				partner_name: '上海通汇支付有限公司',
				planned_filing_date: '2027-02-01',
				validity_months: 3,
				version: 0
			});
			expect(saved.status).toBe(200);
			expect(saved.json).toMatchObject({ version: 1, service_name: '区块链跨境汇款对账服务' });

			// A second writer still on version 0: refused, told what is there, nothing written.
			const stale = await api.put(`/assessments/${id}/pack`, { service_name: '旧的', version: 0 });
			expect(stale.status).toBe(409);
			expect(stale.json.current).toMatchObject({
				version: 1,
				service_name: '区块链跨境汇款对账服务'
			});

			// The web form saves over it and raises the version too.
			expect(
				(
					await browser.post(`${base}/pack?/save`, {
						service_name: '网页保存',
						validity_months: '6'
					})
				).status
			).toBe(200);
			expect((await api.get(`/assessments/${id}/pack`)).json).toMatchObject({
				version: 2,
				service_name: '网页保存',
				planned_filing_date: null
			});

			const word = docxText((await browser.download(`${base}/pack.docx`)).bytes);
			expect(word).toContain('服务名称：网页保存');
		},
		SLOW
	);

	it(
		'warns of a passed filing date on the result page, the dashboard, the pack and the gap report',
		async () => {
			const browser = new Browser(undefined, { lang: 'zh' });
			const { orgId } = await signUp(browser);
			const base = await startAssessment(browser, orgId);
			await saveProfile(browser, base, 0);
			await saveAnswer(browser, base, 'LIC-001', 0, { status: 'compliant', note: '持牌' });
			const api = new Api(await createTokenInSettings(browser, orgId));
			const id = base.split('/').pop()!;
			expect(
				(await api.put(`/assessments/${id}/pack`, { planned_filing_date: '2026-01-15' })).status
			).toBe(200);
			const passed = '计划申报日期 2026-01-15 已过';

			const result = await browser.get(`${base}/result`);
			expect(result.text).toContain('时效提示');
			expect(result.text).toContain(passed);
			const home = await browser.get(`/o/${orgId}`);
			expect(home.text).toContain(passed);
			expect((await browser.get(`${base}/pack`)).text).toContain(passed);

			const report = await browser.download(`${base}/report.pdf?lang=zh`);
			expect(report.status).toBe(200);
			expect(squash(pdfText(report.bytes))).toContain(squash(passed));
			const english = await browser.download(`${base}/report.docx?lang=en`);
			expect(docxText(english.bytes)).toContain('The planned filing date, 2026-01-15, has passed');

			// Moved into the future: the warning goes, from the report too.
			expect(
				(
					await api.put(`/assessments/${id}/pack`, {
						planned_filing_date: '2099-01-15',
						version: 1
					})
				).status
			).toBe(200);
			expect((await browser.get(`${base}/result`)).text).not.toContain(passed);
			const again = await browser.download(`${base}/report.pdf?lang=zh`);
			expect(squash(pdfText(again.bytes))).not.toContain(squash('2026-01-15 已过'));
		},
		SLOW
	);
});
