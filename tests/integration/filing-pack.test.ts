import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { saveAnswer, saveProfile, startAssessment } from '../helpers/assessment';
import { Api, createTokenInSettings } from '../helpers/api';
import { Browser, signUp } from '../helpers/browser';
import { inviteMember, joinByInvitation } from '../helpers/consultancy';
import { pdfText, squash } from '../helpers/pdf';

const SLOW = 180_000;

const docxText = (bytes: Uint8Array) =>
	strFromU8(unzipSync(bytes)['word/document.xml']!)
		.replace(/<w:p[ >]/g, '\n$&')
		.replace(/<[^>]+>/g, '');

/** A technology company applying jointly, with one gap (LIC-001) and one compliant answer. */
async function jointApplicant() {
	const browser = new Browser(undefined, { lang: 'zh' });
	const { orgId } = await signUp(browser);
	const base = await startAssessment(browser, orgId);
	await saveProfile(browser, base, 0);
	await saveAnswer(browser, base, 'LIC-001', 0, {
		status: 'non_compliant',
		note: '尚未签订联合申报协议'
	});
	await saveAnswer(browser, base, 'CMP-001', 0, {
		status: 'compliant',
		note: 'App 内投诉入口与客服热线'
	});
	return { browser, orgId, base };
}

describe('the filing pack over HTTP', () => {
	it(
		'stores the pack form, keeps an edit across regeneration, and serves Word and PDF with it',
		async () => {
			const { browser, base } = await jointApplicant();
			const empty = await browser.download(`${base}/pack.docx`);
			expect(empty.status).toBe(200);
			expect(empty.headers.get('content-disposition')).toContain('filing-pack');
			const before = docxText(empty.bytes);
			expect(before).toMatch(/服务名称：待补充/);
			expect(before).toMatch(/联合申报的持牌金融机构：待补充/);
			// The gap blocks the section it belongs to.
			expect(before).toContain('LIC-001');

			const bad = await browser.post(`${base}/pack?/save`, {
				planned_filing_date: '2027-02-30',
				validity_months: '0'
			});
			expect(bad.status).toBe(400);
			expect(bad.text).toContain('请填写有效日期');
			expect(bad.text).toContain('请填写 1 至 24 之间的整数');

			const saved = await browser.post(`${base}/pack?/save`, {
				service_name: '区块链跨境汇款对账服务',
				partner_name: '上海通汇支付有限公司',
				planned_filing_date: '2027-02-01',
				validity_months: '3'
			});
			expect(saved.status).toBe(200);
			const page = await browser.get(`${base}/pack`);
			expect(page.text).toContain('区块链跨境汇款对账服务');
			const hash = page.body
				.match(/name="base_hash" value="([0-9a-f]{8})"/g)!
				.pop()!
				.slice(-9, -1);

			const edit = '投诉热线 95500，工作日 24 小时内答复。';
			const edited = await browser.post(`${base}/pack?/edit`, {
				__superform_id: 'edit-complaint_response',
				section: 'complaint_response',
				text: edit,
				base_hash: hash
			});
			expect(edited.status).toBe(200);
			const word = docxText((await browser.download(`${base}/pack.docx`)).bytes);
			expect(word).toContain('服务名称：区块链跨境汇款对账服务');
			expect(word).toContain('上海通汇支付有限公司');
			expect(word).toContain(edit);
			expect(word).not.toContain('编辑之后，本节草稿所依据的内容已变化');

			// A new answer in the section changes the draft beneath: the edit stays, flagged.
			await saveAnswer(browser, base, 'CMP-002', 0, {
				status: 'compliant',
				note: '投诉台账按月分析'
			});
			const pdf = await browser.download(`${base}/pack.pdf`);
			expect(pdf.headers.get('content-type')).toBe('application/pdf');
			const text = squash(pdfText(pdf.bytes));
			expect(text).toContain(squash(edit));
			expect(text).toContain(squash('编辑之后，本节草稿所依据的内容已变化'));

			const english = docxText((await browser.download(`${base}/pack.docx?lang=en`)).bytes);
			expect(english).toContain('English working translation');
			expect((await browser.download(`${base}/pack.pdf?lang=fr`)).status).toBe(400);

			const pub = pdfText((await browser.download(`${base}/pack.pdf?edition=public`)).bytes);
			expect(pub).not.toContain('尚未签订联合申报协议');
		},
		SLOW
	);

	it(
		'refuses a save over a pack form someone saved after the page was opened, keeping both texts',
		async () => {
			const { browser, orgId, base } = await jointApplicant();
			const colleague = await joinByInvitation(await inviteMember(browser, orgId, 'consultant'));
			const version = (html: string) => /name="version" value="(\d+)"/.exec(html)![1]!;
			// Both open the page at the same version.
			const opened = version((await browser.get(`${base}/pack`)).body);
			expect(version((await colleague.get(`${base}/pack`)).body)).toBe(opened);

			const first = await colleague.post(`${base}/pack?/save`, {
				service_name: '跨境汇款对账',
				validity_months: '3',
				version: opened
			});
			expect(first.status).toBe(200);
			const late = await browser.post(`${base}/pack?/save`, {
				service_name: '区块链对账服务',
				validity_months: '3',
				version: opened
			});
			expect(late.status).toBe(409);
			expect(late.text).toContain('已有他人保存了申报信息');
			expect(late.text).toContain('服务名称');
			// What the late person typed is sent back in the form; the colleague's save stands.
			expect(late.body).toContain('value="区块链对账服务"');
			const page = await browser.get(`${base}/pack`);
			expect(page.body).toContain('value="跨境汇款对账"');
			expect(page.body).not.toContain('区块链对账服务');

			// Saved again knowingly, at the version the refusal gave back: it replaces the colleague's.
			const again = await browser.post(`${base}/pack?/save`, {
				service_name: '区块链对账服务',
				validity_months: '3',
				version: version(page.body)
			});
			expect(again.status).toBe(200);
			expect((await browser.get(`${base}/pack`)).body).toContain('value="区块链对账服务"');
			// The colleague sends the same values again from their old page: acknowledged, not refused.
			const same = await colleague.post(`${base}/pack?/save`, {
				service_name: '区块链对账服务',
				validity_months: '3',
				version: opened
			});
			expect(same.status).toBe(200);
		},
		SLOW
	);

	it(
		"quotes the consultant's opinion and gap observation, traced to their version, in the pack",
		async () => {
			const { browser, base } = await jointApplicant();
			const opinion = '联合申报协议尚未签订，建议签订后再申报。';
			const saved = await browser.post(`${base}/result?/reportStatement`, {
				__superform_id: 'report-statement',
				version: '0',
				opinion_zh: opinion,
				opinion_en: '',
				scope_zh: '',
				scope_en: ''
			});
			expect(saved.status).toBe(200);
			const noted = await browser.post(`${base}/result/observations/LIC-001?/save`, {
				__superform_id: 'observation-LIC-001',
				item: 'LIC-001',
				version: '0',
				text_zh: '牌照申请材料已准备，尚未递交。',
				text_en: ''
			});
			expect(noted.status).toBe(200);
			const word = docxText((await browser.download(`${base}/pack.docx`)).bytes);
			expect(word).toContain(`总体意见（顾问撰写）：${opinion}`);
			expect(word).toContain('LIC-001 顾问观察：牌照申请材料已准备，尚未递交。');
			// The trace annex names the part and the version; the public notice has neither.
			expect(word).toMatch(/总体意见（顾问撰写） · 第 1 版 · /);
			expect(word).toMatch(/顾问观察 · LIC-001 · 第 1 版 · /);
			const page = await browser.get(`${base}/pack`);
			expect(page.text).toContain('顾问撰写 · 第 1 版');
			const pub = docxText((await browser.download(`${base}/pack.docx?edition=public`)).bytes);
			expect(pub).not.toContain(opinion);
			// The support measures beside the gaps on the result page, the 2014 one marked background.
			const result = await browser.get(`${base}/result`);
			expect(result.text).toContain('可申请的政策支持措施');
			expect(result.text).toContain('关于促进本市互联网金融产业健康发展的若干意见 （十）');
			expect(result.text).toContain('仅作政策背景');
			expect(result.text).toContain('不是本机构现在可以申请的措施');
		},
		SLOW
	);

	it(
		'lets a viewer download but not change the pack; another organisation gets 404',
		async () => {
			const { browser, orgId, base } = await jointApplicant();
			const viewer = await joinByInvitation(await inviteMember(browser, orgId, 'viewer'));
			expect((await viewer.download(`${base}/pack.docx`)).status).toBe(200);
			const page = await viewer.get(`${base}/pack`);
			expect(page.status).toBe(200);
			expect((await viewer.post(`${base}/pack?/save`, { service_name: 'x' })).status).toBe(403);
			const stranger = new Browser(undefined, { lang: 'en' });
			await signUp(stranger);
			expect((await stranger.download(`${base}/pack.pdf`)).status).toBe(404);
			expect((await stranger.get(`${base}/pack`)).status).toBe(404);
		},
		SLOW
	);

	it(
		'serves the pack on the API with the token’s organisation only',
		async () => {
			const { browser, orgId, base } = await jointApplicant();
			const api = new Api(await createTokenInSettings(browser, orgId));
			const id = base.split('/').pop()!;
			const docx = await api.get(`/assessments/${id}/pack.docx`);
			expect(docx.status).toBe(200);
			expect(docxText(docx.bytes)).toContain('创新应用声明书');
			const pdf = await api.get(`/assessments/${id}/pack.pdf?lang=en&edition=public`);
			expect(pdf.status).toBe(200);
			expect(pdfText(pdf.bytes)).toContain('public-notice');
			expect((await api.get(`/assessments/${id}/pack.pdf?edition=secret`)).status).toBe(400);
			const other = new Browser(undefined, { lang: 'en' });
			const { orgId: otherOrg } = await signUp(other);
			const otherApi = new Api(await createTokenInSettings(other, otherOrg));
			expect((await otherApi.get(`/assessments/${id}/pack.docx`)).status).toBe(404);
		},
		SLOW
	);
});
