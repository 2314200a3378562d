import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Browser as Chromium } from 'playwright-core';
import { allFormsOpen } from '../helpers/whole-questionnaire';
import { launchChromium } from '../helpers/chromium';
import { Browser, signUp } from '../helpers/browser';
import { saveProfile, startAssessment } from '../helpers/assessment';

/*
 * On a phone (390 px) the questionnaire fits the screen: the page never scrolls sideways. The
 * domain filter's drop-down (long domain names), an item's header (id, basis badge, review state,
 * save state) and the single grid column each used to widen the page to ~550 px in English.
 */

let chromium: Chromium;
const baseUrl = () => inject('baseUrl');

beforeAll(async () => {
	chromium = await launchChromium();
});
afterAll(async () => {
	await chromium?.close();
});

describe('the questionnaire on a narrow screen', () => {
	for (const lang of ['en', 'zh'] as const)
		it(`does not scroll sideways at 390 px (${lang})`, async () => {
			const owner = new Browser(baseUrl(), { lang });
			const { orgId } = await signUp(owner, { orgName: '窄屏测试有限公司' });
			const base = await startAssessment(owner, orgId, '窄屏 2026');
			expect((await saveProfile(owner, base, 0)).status).toBe(303);

			const context = await chromium.newContext({
				baseURL: baseUrl(),
				viewport: { width: 390, height: 844 }
			});
			await context.addCookies(
				[...owner.cookies].map(([name, value]) => ({ name, value, url: baseUrl() }))
			);
			try {
				const page = await context.newPage();
				for (const path of [`${base}/questionnaire`, `${base}/questionnaire?domain=all`]) {
					await page.goto(path);
					await page.waitForLoadState('networkidle');
					await allFormsOpen(page);
					const overflow = await page.evaluate(
						() => document.documentElement.scrollWidth - window.innerWidth
					);
					expect(overflow, path).toBe(0);
				}
			} finally {
				await context.close();
			}
		});
});
