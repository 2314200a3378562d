import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Browser as Chromium, BrowserContext, Page } from 'playwright-core';
import { contextAs, launchChromium, screenshot } from '../helpers/chromium';
import { Browser } from '../helpers/browser';
import { saveAnswer } from '../helpers/assessment';
import { mailTo, mailsTo } from '../helpers/mail';
import {
	assessmentIdOf,
	consultancy,
	createClient,
	invitedEmailOf,
	inviteRespondent,
	joinByInvitation,
	startClientAssessment
} from '../helpers/consultancy';

/*
 * Three people on one engagement: the consultancy's reviewer in a real browser, two respondents
 * (one limited to the complaints domain, reading Chinese; one for the whole client, reading
 * English). Review in place without a page load, bulk accept, the finalise guard, and the mail of
 * each step in its reader's language.
 */

let chromium: Chromium;
const baseUrl = () => inject('baseUrl');

beforeAll(async () => {
	chromium = await launchChromium();
});
afterAll(async () => {
	await chromium?.close();
});

function contextOf(person: Browser, lang: 'zh' | 'en'): Promise<BrowserContext> {
	return contextAs(chromium, baseUrl(), person, lang);
}

/** A mark on the window: still there after an action means the page was not loaded again. */
const markWindow = (page: Page) =>
	page.evaluate(() => ((window as unknown as { mark: number }).mark = 42));
const windowMarked = (page: Page) =>
	page.evaluate(() => (window as unknown as { mark?: number }).mark === 42);

describe('working together on one assessment', () => {
	it('reviews in place, accepts in bulk, finalises over open items, and mails each person in their language', async () => {
		const c = await consultancy('en');
		const clientId = await createClient(c.owner, c.orgId, { name: 'Pujiang Tech' });
		const base = await startClientAssessment(c.owner, c.orgId, clientId, 'Engagement 2026');
		const linkA = await inviteRespondent(c.owner, c.orgId, clientId, {
			assessmentId: assessmentIdOf(base),
			domains: ['complaints']
		});
		const emailA = invitedEmailOf(linkA)!;
		const respondentA = await joinByInvitation(linkA, 'zh');
		const linkB = await inviteRespondent(c.owner, c.orgId, clientId);
		const emailB = invitedEmailOf(linkB)!;
		const respondentB = await joinByInvitation(linkB, 'en');

		for (const [id, status, note] of [
			['CMP-001', 'compliant', '投诉处理制度已发布'],
			['CMP-002', 'compliant', '投诉台账按月归档'],
			['CMP-003', 'partial', '仅工作日受理']
		])
			expect(
				(
					await saveAnswer(respondentA, base, id!, 0, {
						status: status!,
						note: note!,
						evidence: 'policy.pdf'
					})
				).status
			).toBe(200);
		expect((await respondentB.post(`${base}/review?/submit`, {})).status).toBe(200);
		const submitted = await mailTo(c.ownerEmail, (m) => m.subject.includes('submitted'));
		expect(submitted.subject).toBe('“Engagement 2026” was submitted for review');

		const context = await contextOf(c.owner, 'en');
		try {
			const page = await context.newPage();
			for (const width of [1366, 390]) {
				await page.setViewportSize({ width, height: 900 });
				await page.goto(`${base}/review?domain=complaints`);
				await screenshot(page, `teamwork-review-en-${width}.png`);
			}
			await page.setViewportSize({ width: 1366, height: 900 });
			await page.goto(`${base}/review?domain=complaints`);
			await page.waitForLoadState('networkidle');
			await expect.poll(() => page.locator('main').innerText()).toContain('仅工作日受理');
			await markWindow(page);

			// A on a focused item accepts it, in place.
			await page.locator('li[data-item="CMP-001"]').focus();
			await page.keyboard.press('a');
			await expect
				.poll(() => page.locator('[data-item-row="CMP-001"]').getAttribute('data-review-state'))
				.toBe('accepted');
			// Request changes on one with its button.
			await page
				.locator('[data-item-row="CMP-003"]')
				.getByRole('button', { name: 'Request changes' })
				.click();
			await expect
				.poll(() => page.locator('[data-item-row="CMP-003"]').getAttribute('data-review-state'))
				.toBe('changes_requested');
			// Tick one more and accept the chosen.
			await page.getByLabel('Choose CMP-002').check();
			await page.getByRole('button', { name: 'Accept the chosen items' }).click();
			await expect
				.poll(() => page.locator('[data-item-row="CMP-002"]').getAttribute('data-review-state'))
				.toBe('accepted');
			expect(await windowMarked(page)).toBe(true);

			// Sent back: the restricted respondent reads Chinese without other domains' items.
			await page
				.locator('.review-actions')
				.getByRole('button', { name: 'Request changes' })
				.click();
			const backA = await mailTo(emailA, (m) => m.subject.includes('退回修改'));
			expect(backA.subject).toBe('「Engagement 2026」已退回修改');
			expect(backA.text).not.toContain('CMP-003');
			const backB = await mailTo(emailB, (m) => m.subject.includes('sent back'));
			expect(backB.text).toContain('Items to change: CMP-003');

			expect(
				(
					await saveAnswer(respondentA, base, 'CMP-003', 1, {
						status: 'compliant',
						note: '已改为全周受理'
					})
				).status
			).toBe(200);
			// A submits their part (the assessment stays a draft); B's submission sends it to review.
			const part = await respondentA.post(`${base}/review?/submit`, {});
			expect(part.text).toContain('您负责的部分已提交');
			expect((await respondentB.post(`${base}/review?/submit`, {})).status).toBe(200);

			// The guard: most items are unanswered; finalising over them needs an owner and a reason.
			await page.goto(`${base}/review`);
			const guard = page.locator('.finalise-guard');
			await expect.poll(() => guard.innerText()).toContain('Unanswered');
			await page.getByRole('button', { name: 'Finalise all the same' }).click();
			await expect.poll(() => guard.innerText()).toContain('Items are still open: name an owner.');
			await page.getByLabel('Owner (answers for the open items)').fill('Zhou Qiang');
			await page
				.getByLabel('Reason for finalising')
				.fill('Pre-check of the complaints domain only, agreed with the client.');
			await screenshot(page, 'teamwork-finalise-guard-en-1366.png');
			await page.getByRole('button', { name: 'Finalise all the same' }).click();
			// Finalising issues the reports (three PDFs and three Word files on the render worker)
			// before it answers: on a loaded machine that takes longer than a poll's 15 s.
			await expect
				.poll(() => page.locator('main').innerText(), { timeout: 90_000 })
				.toContain('Pre-check of the complaints domain only');
			const finalA = await mailTo(emailA, (m) => m.subject.includes('已定稿'));
			expect(finalA.text).toContain('答案已锁定');
			const finalB = await mailTo(emailB, (m) => m.subject.includes('is final'));
			expect(finalB.text).toContain('its answers are locked');
			expect(mailsTo(c.ownerEmail).some((m) => m.subject.includes('is final'))).toBe(false);
		} finally {
			await context.close();
		}

		const zh = await contextOf(c.owner, 'zh');
		try {
			const page = await zh.newPage();
			for (const width of [1366, 390]) {
				await page.setViewportSize({ width, height: 900 });
				await page.goto(`${base}/review?domain=complaints`);
				await screenshot(page, `teamwork-review-zh-${width}.png`);
			}
		} finally {
			await zh.close();
		}
	});
});
