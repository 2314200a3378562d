import { FINALISE_OVER } from '../helpers/consultancy';
import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { Api, createTokenInSettings } from '../helpers/api';
import { saveAnswer, saveProfile, startAssessment } from '../helpers/assessment';
import { Browser, signUp } from '../helpers/browser';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const SLOW = 180_000;
const documentXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['word/document.xml']!);

async function assessedFirm() {
	const browser = new Browser(undefined, { lang: 'zh' });
	const { orgId } = await signUp(browser, { orgName: '浦江数科 (上海) 有限公司', name: '周强' });
	const base = await startAssessment(browser, orgId);
	await saveProfile(browser, base, 0);
	await saveAnswer(browser, base, 'LIC-001', 0, {
		status: 'non_compliant',
		note: '未取得放贷牌照',
		owner: '合规部 周敏',
		due: '2027-01-31'
	});
	return { browser, orgId, base };
}

describe('the Word report download', () => {
	it(
		'serves an editable Word file beside the PDF, with the same checks, on the web and the API',
		async () => {
			const { browser, orgId, base } = await assessedFirm();
			const docx = await browser.download(`${base}/report.docx?lang=zh`);
			expect(docx.status).toBe(200);
			expect(docx.headers.get('content-type')).toBe(DOCX);
			expect(decodeURIComponent(docx.headers.get('content-disposition')!)).toMatch(
				/filename\*=UTF-8''差距报告-.+-\d{4}-\d{2}-\d{2}\.docx$/
			);
			const xml = documentXml(docx.bytes);
			expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
			expect(xml).toContain('<w:tbl>');
			expect(xml).toContain('未取得放贷牌照');
			const full = await browser.download(`${base}/report.docx?lang=en&edition=full`);
			expect(full.headers.get('content-disposition')).toContain('-full.docx');
			expect(documentXml(full.bytes)).toContain('Full edition');

			expect((await browser.get(`${base}/report.docx?lang=fr`)).status).toBe(400);
			expect((await browser.get(`${base}/report.docx?lang=en&edition=long`)).status).toBe(400);
			const stranger = new Browser(undefined, { lang: 'en' });
			await signUp(stranger);
			expect((await stranger.get(`${base}/report.docx?lang=en`)).status).toBe(404);

			const api = new Api(await createTokenInSettings(browser, orgId));
			const id = base.split('/').pop();
			const fromApi = await api.get(`/assessments/${id}/report.docx?lang=both`);
			expect(fromApi.status).toBe(200);
			expect(fromApi.headers.get('content-type')).toBe(DOCX);
			expect(documentXml(fromApi.bytes)).toContain('Gap register');
			expect((await api.get(`/assessments/${id}/report.docx?lang=xx`)).status).toBe(400);
		},
		SLOW
	);

	it(
		'finalised, the PDF and the Word file are the issued ones: the same bytes at every download',
		async () => {
			const { browser, base } = await assessedFirm();
			expect((await browser.post(`${base}/review?/submit`, {})).status).toBe(200);
			expect((await browser.post(`${base}/review?/finalise`, FINALISE_OVER)).status).toBe(200);
			for (const path of ['report.pdf?lang=zh', 'report.docx?lang=both']) {
				const first = await browser.download(`${base}/${path}`);
				const second = await browser.download(`${base}/${path}`);
				expect(first.status).toBe(200);
				const hash = createHash('sha256').update(first.bytes).digest('hex');
				expect(first.headers.get('etag')).toBe(`"${hash}"`);
				expect(first.headers.get('server-timing')).toContain('issued');
				expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);
			}
			const word = documentXml((await browser.download(`${base}/report.docx?lang=zh`)).bytes);
			expect(word).toContain('周强');
			expect(word).not.toContain('草稿');
		},
		SLOW
	);
});
