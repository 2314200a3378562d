import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Browser as Chromium } from 'playwright-core';
import { contextAs, launchChromium } from '../helpers/chromium';
import { Browser, signUp } from '../helpers/browser';
import { saveAnswer, saveProfile, startAssessment } from '../helpers/assessment';
import { pdfText, squash } from '../helpers/pdf';

/*
 * The review comments in a report are the reader's choice on the result page: ticking it in the
 * export menu makes every report link (PDF, Word, print view) ask for them, and the PDF downloaded
 * through the link prints the comment; without JavaScript, the plain form of the downloads card.
 */

let chromium: Chromium;
const baseUrl = () => inject('baseUrl');
beforeAll(async () => {
	chromium = await launchChromium();
});
afterAll(async () => {
	await chromium?.close();
});

const COMMENT = 'Please attach the signed board minutes.';

describe('the report downloads card', () => {
	it('asks for the review comments only when the box is ticked', async () => {
		const owner = new Browser(baseUrl(), { lang: 'en' });
		const { orgId } = await signUp(owner, { orgName: 'Comments Consulting' });
		const base = await startAssessment(owner, orgId, 'Comments 2026');
		expect((await saveProfile(owner, base, 0)).status).toBe(303);
		expect((await saveAnswer(owner, base, 'LIC-001', 0, { status: 'non_compliant' })).status).toBe(
			200
		);
		const comment = await owner.post(`${base}/items/LIC-001?/comment`, {
			__superform_id: 'comment',
			itemId: 'LIC-001',
			body: COMMENT
		});
		expect(comment.status).toBe(200);

		const context = await contextAs(chromium, baseUrl(), owner, 'en');
		try {
			const page = await context.newPage();
			await page.goto(`${base}/result`);
			// The page's script running: the menu and the import by fetch are its.
			await page.waitForLoadState('networkidle');
			const menu = page.getByRole('menu');
			const reportHrefs = () =>
				menu
					.locator('[role=menuitem][href*="/report."], [role=menuitem][href*="/print?"]')
					.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
			await page.getByRole('button', { name: 'Export and import' }).click();
			expect((await reportHrefs()).some((h) => h.includes('comments='))).toBe(false);
			const choice = menu.getByRole('menuitemcheckbox', {
				name: /Include review comments in the report/
			});
			await choice.click();
			// The menu stays open, the box ticked, and every report link asks for the comments.
			await expect.poll(() => choice.getAttribute('aria-checked')).toBe('true');
			await expect
				.poll(async () => (await reportHrefs()).every((h) => h.includes('comments=true')))
				.toBe(true);
			// Six PDFs, six Word files and the print view.
			expect(await reportHrefs()).toHaveLength(13);
			const action = await menu
				.locator('[role=menuitem][href$="export.json"]')
				.getAttribute('href');
			expect(action).not.toContain('comments');
			const pdfHref = (await reportHrefs()).find((h) => h.includes('report.pdf?lang=en&'))!;
			const [file] = await Promise.all([
				page.waitForEvent('download'),
				menu.locator(`[role=menuitem][href="${pdfHref}"]`).click()
			]);
			const bytes = fs.readFileSync((await file.path())!);
			expect(squash(pdfText(bytes))).toContain(squash(COMMENT));
		} finally {
			await context.close();
		}

		// Without JavaScript the card's plain form asks for them.
		const plain = await chromium.newContext({ baseURL: baseUrl(), javaScriptEnabled: false });
		await plain.addCookies(
			[...owner.cookies].map(([name, value]) => ({ name, value, url: baseUrl() }))
		);
		try {
			const page = await plain.newPage();
			await page.goto(`${base}/result`);
			const form = page.locator('form.report-with-comments');
			await form.locator('select[name=lang]').selectOption('en');
			const [file] = await Promise.all([
				page.waitForEvent('download'),
				form.getByRole('button', { name: 'Download PDF' }).click()
			]);
			expect(file.url()).toContain('comments=true');
			const bytes = fs.readFileSync((await file.path())!);
			expect(squash(pdfText(bytes))).toContain(squash(COMMENT));
		} finally {
			await plain.close();
		}
	});
});
