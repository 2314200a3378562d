import { describe, expect, it } from 'vitest';
import { saveProfile, startAssessment } from '../helpers/assessment';
import { Browser, signUp } from '../helpers/browser';
import { pdfImages, pdfText, squash } from '../helpers/pdf';

/** A 1×1 PNG. */
const PNG = Uint8Array.from(
	Buffer.from(
		'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
		'base64'
	)
);

/** Posts a multipart form the way a browser does, with the client's cookies. */
async function upload(browser: Browser, path: string, file: Blob | null, name = 'logo.png') {
	const body = new FormData();
	if (file) body.append('logo', file, name);
	const response = await fetch(browser.baseUrl + path, {
		method: 'POST',
		body,
		redirect: 'manual',
		headers: {
			origin: browser.baseUrl,
			accept: 'text/html',
			cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
		}
	});
	return { status: response.status, text: await response.text() };
}

async function consultancy() {
	const browser = new Browser(undefined, { lang: 'zh' });
	const { orgId } = await signUp(browser, {
		orgName: '浦东合规咨询有限公司',
		orgKind: 'consultancy'
	});
	return { browser, orgId, settings: `/o/${orgId}/settings` };
}

describe('a consultancy’s logo', () => {
	it('is refused with a field error unless it is a PNG or JPEG of at most 512 KB', async () => {
		const { browser, settings } = await consultancy();
		const missing = await upload(browser, `${settings}?/logo`, null);
		expect(missing.status).toBe(400);
		expect(missing.text).toContain('请选择一个文件。');

		// Claims to be a PNG by name and type; its bytes say otherwise.
		const fake = new Blob(['<svg xmlns="http://www.w3.org/2000/svg"/>'], { type: 'image/png' });
		const wrongType = await upload(browser, `${settings}?/logo`, fake);
		expect(wrongType.status).toBe(400);
		expect(wrongType.text).toContain('只接受 PNG 或 JPEG 图片。');

		const big = new Uint8Array(512 * 1024 + 1);
		big.set(PNG);
		const tooBig = await upload(
			browser,
			`${settings}?/logo`,
			new Blob([big], { type: 'image/png' })
		);
		expect(tooBig.status).toBe(400);
		expect(tooBig.text).toContain('文件过大');

		expect((await browser.get(settings)).text).toContain('尚未上传标志。');
	});

	it('appears with the consultancy’s name on the cover of its reports, and can be removed', async () => {
		const { browser, orgId, settings } = await consultancy();
		const saved = await upload(
			browser,
			`${settings}?/logo`,
			new Blob([PNG], { type: 'image/png' })
		);
		expect(saved.status).toBe(200);
		expect(saved.text).toContain('标志已保存。');
		expect((await browser.get(settings)).body).toContain('src="data:image/png;base64,');

		const base = await startAssessment(browser, orgId);
		await saveProfile(browser, base, 0);
		const pdf = await browser.download(`${base}/report.pdf?lang=zh`);
		expect(pdf.status).toBe(200);
		expect(pdfImages(pdf.bytes).length).toBeGreaterThan(0);
		expect(squash(pdfText(pdf.bytes))).toContain('浦东合规咨询有限公司');
		const print = await browser.get(`${base}/print?lang=zh`);
		expect(print.body).toMatch(/<img class="cover-logo" src="data:image\/png;base64,/);

		const removed = await browser.post(`${settings}?/removeLogo`, {});
		expect(removed.status).toBe(200);
		expect((await browser.get(settings)).text).toContain('尚未上传标志。');
		const after = await browser.download(`${base}/report.pdf?lang=zh`);
		expect(pdfImages(after.bytes)).toEqual([]);
	}, 180_000);

	it('is for the owner of a consultancy only', async () => {
		const firm = new Browser();
		const { orgId } = await signUp(firm, { orgKind: 'firm' });
		const png = new Blob([PNG], { type: 'image/png' });
		expect((await upload(firm, `/o/${orgId}/settings?/logo`, png)).status).toBe(403);
		const { settings } = await consultancy();
		expect((await upload(firm, `${settings}?/logo`, png)).status).toBe(404);
		expect((await firm.get(settings)).status).toBe(404);
	});
});
