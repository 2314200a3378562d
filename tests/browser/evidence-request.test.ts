import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { contextAs, lookAtWidths, screenshot, useChromium } from '../helpers/chromium';
import { postFile } from '../helpers/upload';
import {
	assessmentIdOf,
	consultancy,
	createClient,
	joinedRespondent,
	startClientAssessment
} from '../helpers/consultancy';
import { mailTo } from '../helpers/mail';
import { useInstances } from '../helpers/instances';

/*
 * An evidence request worked through by two people in two browsers: the consultant asks for
 * evidence on an item, the client's respondent is told (in the app and by mail), uploads real files
 * through the page's file input (one over the server's configured limit is refused by name), the
 * request reads as fulfilled, and the consultant finds the files on the item and in the review
 * workspace and downloads one whose bytes are the ones uploaded.
 *
 * Its own server on PostgreSQL, with a 2 MB evidence limit, so that the stored rows can be read.
 */

const chromium = useChromium();
const instances = useInstances(1, { EVIDENCE_SIZE_LIMIT: '2M' });
const baseUrl = () => instances().servers[0]!.baseUrl;
const ITEM = 'LIC-001';
let folder: string;

beforeAll(() => {
	folder = fs.mkdtempSync(path.join(os.tmpdir(), 'evidence-request-'));
});
afterAll(() => {
	fs.rmSync(folder, { recursive: true, force: true });
});
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function localFile(name: string, bytes: Uint8Array): string {
	const file = path.join(folder, name);
	fs.writeFileSync(file, bytes);
	return file;
}

/** A real PDF and a real PNG, made by Chromium from a small page. */
async function realFiles(context: BrowserContext): Promise<{ pdf: Buffer; png: Buffer }> {
	const page = await context.newPage();
	await page.setContent('<h1>Licence application receipt</h1><p>许可申请回执 2026</p>');
	const pdf = await page.pdf({ format: 'A5' });
	const png = await page.screenshot({ clip: { x: 0, y: 0, width: 240, height: 120 } });
	await page.close();
	expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
	expect(png.subarray(1, 4).toString()).toBe('PNG');
	return { pdf, png };
}

async function downloaded(page: Page, link: ReturnType<Page['locator']>): Promise<Buffer> {
	const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
	return fs.readFileSync((await download.path())!);
}

describe('an evidence request, answered in the browser', () => {
	it('is asked for, mailed, answered with real files (one refused by name) and downloaded intact', async () => {
		const c = await consultancy('en', baseUrl());
		const clientId = await createClient(c.owner, c.orgId, { name: 'Pujiang Digital' });
		const base = await startClientAssessment(c.owner, c.orgId, clientId, 'Pujiang 2026');
		const { respondent, email: respondentEmail } = await joinedRespondent(
			c.owner,
			c.orgId,
			clientId,
			base
		);

		const consultantContext = await contextAs(chromium(), baseUrl(), c.owner, 'en');
		const respondentContext = await contextAs(chromium(), baseUrl(), respondent, 'en');
		try {
			// The consultant asks for evidence on the item, by a date.
			const consultant = await consultantContext.newPage();
			await consultant.goto(`${base}/items/${ITEM}`);
			await consultant.waitForLoadState('networkidle');
			const requests = consultant.locator('#evidence-requests');
			await requests.getByLabel('What is needed').fill('The licence application receipt, signed.');
			await requests.getByLabel('Provide by (optional)').fill('2027-01-15');
			await requests.getByRole('button', { name: 'Request evidence' }).click();
			await expect.poll(() => requests.textContent()).toContain('Request sent.');
			expect(await requests.locator('li').textContent()).toMatch(
				/Open\s*· The licence application receipt, signed\.\s*· by 15 Jan 2027/
			);

			// The respondent is mailed, in their language, with a link to the item.
			const mail = await mailTo(respondentEmail, (m) => m.text.includes(ITEM));
			expect(mail.language).toBe('en');
			expect(mail.subject).toMatch(/evidence/i);
			expect(mail.text).toContain(`${base}/items/${ITEM}`);
			// What is asked for and by when, without opening the app.
			expect(mail.text).toContain('“The licence application receipt, signed.”');
			expect(mail.text).toContain('Please provide it by 15 Jan 2027.');

			// In their browser: the unread count, the notification, the request on the item.
			const page = await respondentContext.newPage();
			await page.goto(`/o/${c.orgId}`);
			const navLink = page.locator('nav.orgnav a.notify-link');
			await expect.poll(() => navLink.getAttribute('data-unread')).toBe('1');
			await navLink.click();
			await page.waitForURL(`**/o/${c.orgId}/notifications`);
			const notice = page.locator('li[data-notification="evidence_requested"]');
			expect(await notice.locator('.notify-text').textContent()).toContain(
				`asked you for evidence on item ${ITEM} (Pujiang 2026)`
			);
			await notice.getByRole('button', { name: 'Open' }).click();
			await page.waitForURL(new RegExp(`/items/${ITEM}`));
			await page.waitForLoadState('networkidle');
			// Opened, it is read: the count in the navigation is gone.
			await expect.poll(() => navLink.getAttribute('data-unread')).toBe('0');
			expect(await page.locator('#evidence-requests li').textContent()).toContain(
				'Open · The licence application receipt, signed.'
			);

			// Uploads a real PDF and PNG with a file over the 2 MB limit: refused, by name, nothing sent.
			const { pdf, png } = await realFiles(respondentContext);
			const pdfFile = localFile('licence-receipt.pdf', pdf);
			const pngFile = localFile('portal-screenshot.png', png);
			const bigFile = localFile('board-minutes-scan.pdf', Buffer.alloc(3 * 1024 * 1024, 37));
			const posts: string[] = [];
			page.on('request', (r) => {
				if (r.method() === 'POST') posts.push(r.url());
			});
			const evidence = page.locator('#evidence');
			await evidence.getByLabel('Choose files').setInputFiles([pdfFile, pngFile, bigFile]);
			await evidence.getByRole('button', { name: 'Upload' }).click();
			const refusal = evidence.locator('[role=alert]');
			await expect
				.poll(() => refusal.textContent())
				.toContain('“board-minutes-scan.pdf” is too large: at most 2 MB per file.');
			expect(posts).toEqual([]);

			await evidence.getByLabel('Choose files').setInputFiles([pdfFile, pngFile]);
			await evidence.getByRole('button', { name: 'Upload' }).click();
			await expect.poll(() => evidence.locator('[data-file-id]').count()).toBe(2);
			expect(await evidence.locator('[role=status]').textContent()).toContain('Uploaded.');
			expect(await refusal.count()).toBe(0);
			for (const bytes of [pdf, png]) expect(await evidence.textContent()).toContain(sha256(bytes));
			await expect
				.poll(() => page.locator('#evidence-requests li').textContent())
				.toContain('Fulfilled');
			await screenshot(page, 'evidence-request-respondent-1366-en.png');

			// The consultant sees the request fulfilled and the files on the item, and downloads one.
			await consultant.reload();
			await consultant.waitForLoadState('networkidle');
			expect(await requests.locator('li').textContent()).toContain('Fulfilled');
			const onItem = consultant.locator('#evidence a', { hasText: 'licence-receipt.pdf' });
			expect(sha256(await downloaded(consultant, onItem))).toBe(sha256(pdf));

			// …and in the review workspace, beside the answer, without opening the item.
			await consultant.goto(`${base}/review`);
			await consultant.waitForLoadState('networkidle');
			const row = consultant.locator(`[data-item-row="${ITEM}"]`);
			const inReview = row.getByRole('link', { name: 'portal-screenshot.png' });
			expect(sha256(await downloaded(consultant, inReview))).toBe(sha256(png));
			// The list narrowed to the item by its search, as a reviewer would look for it.
			await consultant.goto(`${base}/review?q=${ITEM}`);
			await screenshot(consultant, 'evidence-request-review-1366-en.png');

			// Stored once each, in the organisation's blobs, with the hash the page showed.
			const stored = await instances().sql<{ file_name: string; sha256: string }>(
				`select f.file_name, b.sha256 from evidence_files f join evidence_blobs b on b.id = f.blob_id
				 where f.assessment_id = $1 order by f.file_name`,
				[assessmentIdOf(base)]
			);
			expect(stored).toEqual([
				{ file_name: 'licence-receipt.pdf', sha256: sha256(pdf) },
				{ file_name: 'portal-screenshot.png', sha256: sha256(png) }
			]);
		} finally {
			await consultantContext.close();
			await respondentContext.close();
		}
	}, 180_000);

	it('reads in Chinese at 1366 and 390 px: the request, the to-do list, the files and the review', async () => {
		const c = await consultancy('zh', baseUrl());
		const clientId = await createClient(c.owner, c.orgId, { name: '浦江数字科技' });
		const base = await startClientAssessment(c.owner, c.orgId, clientId, '浦江 2026 自评');
		const { respondent, email } = await joinedRespondent(c.owner, c.orgId, clientId, base, 'zh');
		// Two requests: the first answered with a file below, the second still on the to-do list.
		for (const itemId of [ITEM, 'LIC-002']) {
			const asked = await c.owner.post(`${base}/items/${itemId}?/requestEvidence`, {
				__superform_id: 'evidence-request',
				itemId,
				description: '请提供经签字盖章的金融科技创新监管工具申请材料受理回执扫描件',
				dueOn: '2027-01-15'
			});
			expect(asked.status).toBe(200);
		}
		const mail = await mailTo(email, (m) => m.text.includes(ITEM));
		expect(mail.subject).toContain(`请您为检查项 ${ITEM} 提供佐证材料`);
		expect(mail.text).toContain('「请提供经签字盖章的金融科技创新监管工具申请材料受理回执扫描件」');
		expect(mail.text).toContain('请于 2027年1月15日 前提供。');
		const uploaded = await postFile(respondent, `${base}/items/${ITEM}/evidence`, {
			name: '金融科技创新监管工具申请材料受理回执（盖章版）.pdf',
			type: 'application/pdf',
			bytes: '%PDF-1.4 回执'
		});
		expect(uploaded.status).toBe(303);

		const views = [
			[respondent, `/o/${c.orgId}/notifications`, 'evidence-request-notifications', '请您为检查项'],
			[respondent, `${base}/questionnaire`, 'evidence-request-todo', '期限 2027年1月15日'],
			[respondent, `${base}/items/${ITEM}`, 'evidence-request-item', '佐证文件'],
			[c.owner, `${base}/review?q=${ITEM}`, 'evidence-request-review', '佐证文件']
		] as const;
		for (const [person, path, name, text] of views) {
			const context = await contextAs(chromium(), baseUrl(), person, 'zh');
			try {
				const page = await context.newPage();
				for (const seen of await lookAtWidths(page, path, name, 'zh'))
					expect(seen.overflow, `${path} at ${seen.width} px: ${seen.wide}`).toBe(0);
				expect(await page.locator('main').textContent()).toContain(text);
			} finally {
				await context.close();
			}
		}
	}, 180_000);
});
