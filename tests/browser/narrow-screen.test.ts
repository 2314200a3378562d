import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Browser as Chromium } from 'playwright-core';
import { allFormsOpen } from '../helpers/whole-questionnaire';
import { launchChromium } from '../helpers/chromium';
import { Browser, signUp } from '../helpers/browser';
import { saveProfile, startAssessment } from '../helpers/assessment';
import { postFile } from '../helpers/upload';

/*
 * On a phone (390 px) the questionnaire fits the screen: the page never scrolls sideways. The
 * domain filter's drop-down (long domain names), an item's header (id, basis badge, review state,
 * save state) and the single grid column each used to widen the page to ~550 px in English. On an
 * item page, an evidence file with a long name made the "replace as new version" drop-down ~2000 px.
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
			// A file with a long name, offered by the item page's "replace as new version" drop-down.
			const longName = `董事会决议_关于数据安全管理制度修订及个人信息保护影响评估报告的审议意见_${'Board-resolution-on-data-security-'.repeat(4)}final-signed-v3.pdf`;
			const uploaded = await postFile(owner, `${base}/items/CMP-001/evidence`, {
				name: longName,
				type: 'application/pdf',
				bytes: '%PDF-1.4 resolution'
			});
			expect(uploaded.status).toBe(303);
			try {
				const page = await context.newPage();
				for (const path of [
					`${base}/questionnaire`,
					`${base}/questionnaire?domain=all`,
					`${base}/items/CMP-001`
				]) {
					await page.goto(path);
					await page.waitForLoadState('networkidle');
					await allFormsOpen(page);
					const overflow = await page.evaluate(
						() => document.documentElement.scrollWidth - window.innerWidth
					);
					// On failure, name what sticks out.
					const wide =
						overflow === 0
							? ''
							: await page.evaluate(() =>
									[...document.querySelectorAll('body *')]
										.filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
										.slice(0, 8)
										.map((e) => `${e.tagName}#${e.id}.${e.className}`)
										.join(' ')
								);
					expect(overflow, `${path} ${wide}`).toBe(0);
				}
				// The item page did offer the long-named file.
				await expect
					.poll(() => page.locator('#evidence-replaces option').count())
					.toBeGreaterThan(1);
			} finally {
				await context.close();
			}
		});
});
