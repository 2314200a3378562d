import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Browser as Chromium, Page } from 'playwright-core';
import { launchChromium, screenshot } from '../helpers/chromium';
import { Browser, signUp } from '../helpers/browser';
import { saveProfile, startAssessment } from '../helpers/assessment';

/*
 * Evidence files through the item page in real Chromium: chosen in the file input, uploaded by the
 * page's script, listed with their SHA-256, downloaded as attachments; an HTML file downloads and
 * never opens as a page. Then the same page without JavaScript: the plain form post.
 */

let chromium: Chromium;
const baseUrl = () => inject('baseUrl');
const ITEM = 'LIC-001';
let folder: string;

beforeAll(async () => {
	chromium = await launchChromium();
	folder = fs.mkdtempSync(path.join(os.tmpdir(), 'evidence-'));
});
afterAll(async () => {
	await chromium?.close();
	fs.rmSync(folder, { recursive: true, force: true });
});

async function signedInContext(owner: Browser, javaScriptEnabled = true) {
	const context = await chromium.newContext({
		baseURL: baseUrl(),
		acceptDownloads: true,
		javaScriptEnabled
	});
	await context.addCookies(
		[...owner.cookies].map(([name, value]) => ({ name, value, url: baseUrl() }))
	);
	return context;
}

function localFile(name: string, content: string | Buffer): string {
	const file = path.join(folder, name);
	fs.writeFileSync(file, content);
	return file;
}

async function downloadOf(page: Page, fileName: string): Promise<Buffer> {
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.locator('#evidence a', { hasText: fileName }).click()
	]);
	return fs.readFileSync((await download.path())!);
}

describe('evidence files on the item page', () => {
	it('uploads files through the page and downloads them; an HTML file is saved, never shown', async () => {
		const owner = new Browser(baseUrl(), { lang: 'en' });
		const { orgId } = await signUp(owner, { orgName: '佐证上传测试有限公司' });
		const base = await startAssessment(owner, orgId, '佐证 2026');
		expect((await saveProfile(owner, base, 0)).status).toBe(303);
		const context = await signedInContext(owner);
		try {
			const page = await context.newPage();
			await page.goto(`${base}/items/${ITEM}`);
			await page.waitForLoadState('networkidle');
			const pdf = Buffer.from('%PDF-1.4\n% 信息安全管理制度\n');
			const html = '<html><body><script>document.title = "ran"</script>ran</body></html>';
			await page
				.locator('#evidence-file')
				.setInputFiles([localFile('信息安全管理制度.pdf', pdf), localFile('page.html', html)]);
			await page.locator('#evidence-expires').fill('2027-06-30');
			await page.locator('form.evidence-upload button[type=submit]').click();
			await expect.poll(() => page.locator('#evidence [data-file-id]').count()).toBe(2);
			await expect.poll(() => page.locator('#evidence').textContent()).toContain('2027-06-30');
			await screenshot(page, 'evidence-item-1366-en.png');

			expect((await downloadOf(page, '信息安全管理制度.pdf')).equals(pdf)).toBe(true);
			expect((await downloadOf(page, 'page.html')).toString()).toBe(html);
			// Opened by its address, the HTML file is still a download: no page, no script run.
			const href = await page.locator('#evidence a', { hasText: 'page.html' }).getAttribute('href');
			const opened = await context.newPage();
			const downloaded = opened.waitForEvent('download');
			await opened.goto(href!).catch(() => null);
			await downloaded;
			expect(await opened.title()).not.toBe('ran');
			await opened.close();
		} finally {
			await context.close();
		}
	});

	it('names a file over the limit, or an upload over the total, before sending anything', async () => {
		const owner = new Browser(baseUrl(), { lang: 'en' });
		const { orgId } = await signUp(owner, { orgName: '超限上传测试有限公司' });
		const base = await startAssessment(owner, orgId, '超限 2026');
		expect((await saveProfile(owner, base, 0)).status).toBe(303);
		const context = await signedInContext(owner);
		const MB = 1024 * 1024;
		try {
			const page = await context.newPage();
			await page.goto(`${base}/items/${ITEM}`);
			await page.waitForLoadState('networkidle');
			const posts: string[] = [];
			page.on('request', (r) => {
				if (r.method() === 'POST') posts.push(r.url());
			});
			const input = page.locator('#evidence-file');
			const submit = page.locator('form.evidence-upload button[type=submit]');
			const error = page.locator('#evidence [role=alert]');

			// One file past the 25 MB per file: named, with the limit.
			await input.setInputFiles(localFile('年度审计报告.pdf', Buffer.alloc(26 * MB, 65)));
			await submit.click();
			await expect.poll(() => error.textContent()).toContain('“年度审计报告.pdf” is too large');
			expect(await error.textContent()).toContain('25 MB per file');

			// Each under it, together past the 51 MB one upload takes: every file named.
			const parts = ['board-minutes.pdf', 'policy.pdf', 'audit.pdf'].map((name) =>
				localFile(name, Buffer.alloc(18 * MB, 66))
			);
			await input.setInputFiles(parts);
			await submit.click();
			await expect.poll(() => error.textContent()).toContain('51 MB per upload');
			for (const name of ['board-minutes.pdf', 'policy.pdf', 'audit.pdf'])
				expect(await error.textContent()).toContain(name);

			// Nothing was sent, nothing is listed, and a file within the limits still goes.
			expect(posts).toEqual([]);
			expect(await page.locator('#evidence [data-file-id]').count()).toBe(0);
			await input.setInputFiles(localFile('small.pdf', '%PDF-1.4\n'));
			await submit.click();
			await expect.poll(() => page.locator('#evidence [data-file-id]').count()).toBe(1);
			expect(await error.count()).toBe(0);
		} finally {
			await context.close();
		}
	});

	it('uploads with a plain form post when the page runs no script', async () => {
		const owner = new Browser(baseUrl(), { lang: 'zh' });
		const { orgId } = await signUp(owner, { orgName: '无脚本上传测试有限公司' });
		const base = await startAssessment(owner, orgId, '无脚本 2026');
		expect((await saveProfile(owner, base, 0)).status).toBe(303);
		const context = await signedInContext(owner, false);
		try {
			const page = await context.newPage();
			await page.goto(`${base}/items/${ITEM}`);
			await page.locator('#evidence-file').setInputFiles(localFile('合同.docx', 'PK docx'));
			await Promise.all([
				page.waitForURL(/evidence=uploaded/),
				page.locator('form.evidence-upload button[type=submit]').click()
			]);
			await expect.poll(() => page.locator('#evidence [data-file-id]').count()).toBe(1);
			expect(await page.locator('#evidence').textContent()).toContain('合同.docx');
			await screenshot(page, 'evidence-item-1366-zh-nojs.png');
		} finally {
			await context.close();
		}
	});
});
