import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Browser as Chromium, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium';
import { Browser, PASSWORD, signUp } from '../helpers/browser';
import { saveAnswer, saveProfile, startAssessment } from '../helpers/assessment';
import { pdfText, squash } from '../helpers/pdf';

/*
 * The main journey with the keyboard alone (Tab, Shift+Tab, Enter, Space, arrow keys; no mouse, no
 * `click`, no `fill`): sign in, open the assessment, answer an item, go to the result, open the
 * action plan and set an action's status, download the report. At each stop the focus is where a
 * person expects it, and visible (the focus ring is drawn); a save does not lose it.
 */

let chromium: Chromium;
const baseUrl = () => inject('baseUrl');

beforeAll(async () => {
	chromium = await launchChromium();
});
afterAll(async () => {
	await chromium?.close();
});

/** What has the focus: enough to find it again and to say whether the ring is drawn. */
const focused = (page: Page) =>
	page.evaluate(() => {
		const el = document.activeElement as HTMLElement | null;
		if (!el || el === document.body) return null;
		const style = getComputedStyle(el);
		const box = el.getBoundingClientRect();
		return {
			tag: el.tagName.toLowerCase(),
			text: (el.textContent ?? '').trim().slice(0, 80),
			inMain: !!el.closest('main'),
			/** The ring: :focus-visible matched and an outline (or a shadow) drawn. */
			visible:
				el.matches(':focus-visible') &&
				((style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) ||
					style.boxShadow !== 'none'),
			onScreen: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0
		};
	});

/**
 * Presses Tab (or Shift+Tab) until the focus is on an element matching `selector`; fails after
 * `max` presses. The focus ring must show on the element reached.
 */
async function tabTo(page: Page, selector: string, { back = false, max = 120 } = {}) {
	for (let i = 0; i < max; i++) {
		await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
		const there = await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
		if (there) {
			const f = await focused(page);
			expect(f?.visible, `focus ring on ${selector}`).toBe(true);
			expect(f?.onScreen, `${selector} scrolled into view`).toBe(true);
			return;
		}
	}
	throw new Error(`Tab never reached ${selector} in ${max} presses`);
}

const isFocused = (page: Page, selector: string) =>
	page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);

describe('the main journey with the keyboard only', () => {
	it('signs in, answers, reads the result, sets an action, downloads the report (zh)', async () => {
		// A firm with an assessment whose profile is filled and one gap with an overdue action.
		const http = new Browser(baseUrl());
		const { email, orgId } = await signUp(http, { name: '王芳' });
		const base = await startAssessment(http, orgId, '键盘自评');
		expect((await saveProfile(http, base, 0)).status).toBeLessThan(400);
		const gap = { status: 'non_compliant', owner: '合规部', due: '2026-01-31' };
		expect((await saveAnswer(http, base, 'CMP-001', 0, gap)).status).toBe(200);

		const context = await chromium.newContext({
			baseURL: baseUrl(),
			viewport: { width: 1366, height: 900 },
			acceptDownloads: true
		});
		await context.addCookies([{ name: 'lang', value: 'zh', url: baseUrl() }]);
		try {
			const page = await context.newPage();
			await page.goto('/login');
			await page.waitForLoadState('networkidle');

			// The first Tab reaches the skip link, shown on screen; following it puts the next Tab
			// inside the page's main content, past the top bar.
			await page.keyboard.press('Tab');
			expect(await isFocused(page, 'a.skip')).toBe(true);
			expect(await focused(page)).toMatchObject({ visible: true, onScreen: true });
			await page.keyboard.press('Enter');
			await page.keyboard.press('Tab');
			expect((await focused(page))?.inMain).toBe(true);

			// Sign in: the fields in order, Enter sends the form.
			if (!(await isFocused(page, '#field-email'))) await tabTo(page, '#field-email');
			await page.keyboard.type(email);
			await page.keyboard.press('Tab');
			expect(await isFocused(page, '#field-password')).toBe(true);
			await page.keyboard.type(PASSWORD);
			await page.keyboard.press('Enter');
			await page.waitForURL(new RegExp(`/o/${orgId}$`));
			await page.waitForLoadState('networkidle');

			// The firm's home offers "continue" on its current assessment: the questionnaire.
			await tabTo(page, `main a.button[href="${base}/questionnaire"]`);
			await page.keyboard.press('Enter');
			await page.waitForURL(/\/questionnaire$/);
			await page.waitForLoadState('networkidle');

			// Answer LIC-001: Tab into its radio group, arrow keys choose; the save keeps the focus.
			const item = page.locator('article#LIC-001');
			await tabTo(page, 'article#LIC-001 input[name=status]');
			await page.keyboard.press('Space');
			await page.keyboard.press('ArrowRight');
			const chosen = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
			expect(['partial', 'non_compliant', 'compliant']).toContain(chosen);
			await expect.poll(() => item.locator('.save-state').innerText()).toBe('已保存');
			expect(await isFocused(page, `article#LIC-001 input[name=status][value=${chosen}]`)).toBe(
				true
			);
			expect((await focused(page))?.visible).toBe(true);

			// Back up to the assessment's tabs and open the result.
			await tabTo(page, `nav.tabs a[href="${base}/result"]`, { back: true });
			await page.keyboard.press('Enter');
			await page.waitForURL(/\/result$/);
			await page.waitForLoadState('networkidle');

			// The result page's action plan summary opens the plan.
			await tabTo(page, `a.button[href="${base}/result/action-plan"]`);
			await page.keyboard.press('Enter');
			await page.waitForURL(/\/result\/action-plan$/);
			await page.waitForLoadState('networkidle');

			// Choose CMP-001's action with Space, its new status with the arrow keys, Enter on the
			// button; the answer is announced and the focus stays on the button.
			await tabTo(page, 'input[name=items][value=CMP-001]');
			await page.keyboard.press('Space');
			expect(await page.locator('input[name=items][value=CMP-001]').isChecked()).toBe(true);
			await tabTo(page, '#action-status');
			await page.keyboard.press('ArrowDown');
			expect(await page.locator('#action-status').inputValue()).toBe('in_progress');
			await tabTo(page, '#action-plan form[method=POST] button[type=submit]');
			await page.keyboard.press('Enter');
			await expect
				.poll(() => page.locator('#action-plan [role=status]').first().innerText())
				.toContain('已更新 1 项整改措施的状态。');
			expect(await isFocused(page, '#action-plan form[method=POST] button[type=submit]')).toBe(
				true
			);
			expect(await page.locator('#action-plan tbody').innerText()).toContain('进行中');

			// Back to the result, open the exports menu, and download the Chinese report.
			await tabTo(page, `main a[href="${base}/result"]`, { back: true });
			await page.keyboard.press('Enter');
			await page.waitForURL(/\/result$/);
			await page.waitForLoadState('networkidle');
			await tabTo(page, '.result-menu button');
			await page.keyboard.press('Enter');
			// The menu takes the focus on its first item: the Chinese summary report.
			await expect
				.poll(() => page.evaluate(() => document.activeElement?.getAttribute('href') ?? ''))
				.toMatch(/report\.pdf\?lang=zh$/);
			// The item the keyboard is on is highlighted, with the same ring as any focus.
			expect(
				await page.evaluate(() => {
					const el = document.activeElement!;
					const style = getComputedStyle(el);
					return (
						el.hasAttribute('data-highlighted') &&
						style.outlineStyle !== 'none' &&
						parseFloat(style.outlineWidth) > 0
					);
				})
			).toBe(true);
			const download = page.waitForEvent('download');
			await page.keyboard.press('Enter');
			const file = await download;
			const bytes = new Uint8Array(fs.readFileSync((await file.path())!));
			expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
			expect(squash(pdfText(bytes))).toContain(squash('合规差距报告'));
		} finally {
			await context.close();
		}
	});
});
