import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Browser as Chromium, BrowserContext } from 'playwright-core';
import { contextAs, launchChromium, screenshot } from '../helpers/chromium';
import type { Browser } from '../helpers/browser';
import {
	consultancy,
	createClient,
	invitedEmailOf,
	inviteMember,
	joinByInvitation,
	startClientAssessment
} from '../helpers/consultancy';

/*
 * A consultant mentioned in two comments sees the unread count in the navigation, opens the
 * notifications, marks one read (the count drops without a page load), then all.
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

describe('notifications in the browser', () => {
	it('shows the unread count in the navigation and marks notifications read', async () => {
		const c = await consultancy('en');
		const clientId = await createClient(c.owner, c.orgId, { name: 'Notice Tech' });
		const base = await startClientAssessment(c.owner, c.orgId, clientId, 'Notice 2026');
		const link = await inviteMember(c.owner, c.orgId, 'consultant');
		const email = invitedEmailOf(link)!;
		const consultant = await joinByInvitation(link, 'zh');
		for (const item of ['CMP-001', 'CMP-002'])
			expect(
				(
					await c.owner.post(`${base}/items/${item}?/comment`, {
						__superform_id: 'comment',
						itemId: item,
						body: `@${email} 请核对这一项`
					})
				).status
			).toBe(200);

		const context = await contextOf(consultant, 'zh');
		const page = await context.newPage();
		await page.goto(`/o/${c.orgId}`);
		const navLink = page.locator('nav.orgnav a.notify-link');
		await expect.poll(() => navLink.getAttribute('data-unread')).toBe('2');
		expect(await navLink.locator('.badge').textContent()).toBe('2');
		await navLink.click();
		await page.waitForURL(`**/o/${c.orgId}/notifications`);
		// The page's script running: a click before it would post the form the plain way.
		await page.waitForLoadState('networkidle');
		const unread = page.locator('li[data-read="0"]');
		expect(await unread.count()).toBe(2);
		expect(await page.locator('.notify-list').textContent()).toContain('提及了您');
		await screenshot(page, 'notifications-zh');

		await page.evaluate(() => ((window as unknown as { mark: number }).mark = 42));
		await unread.first().getByRole('button', { name: '标为已读' }).click();
		await expect.poll(() => navLink.getAttribute('data-unread')).toBe('1');
		expect(await page.locator('li[data-read="0"]').count()).toBe(1);
		// Marked in place: the page was not loaded again.
		expect(await page.evaluate(() => (window as unknown as { mark?: number }).mark)).toBe(42);

		await page.getByRole('button', { name: '全部标为已读' }).click();
		await expect.poll(() => navLink.getAttribute('data-unread')).toBe('0');
		expect(await navLink.locator('.badge').count()).toBe(0);
		expect(await page.locator('li[data-read="1"]').count()).toBe(2);
		await context.close();
	}, 120_000);
});
