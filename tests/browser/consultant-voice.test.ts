import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Browser as Chromium, Page } from 'playwright-core';
import { artifactPath, launchChromium, screenshot } from '../helpers/chromium';
import { saveAnswer } from '../helpers/assessment';
import { consultancy, createClient, startClientAssessment } from '../helpers/consultancy';

/*
 * The consultant writes the report's opinion on the result page and a gap's observation on that
 * gap's own page, in both languages, on a desktop and a phone: typing, pausing and typing on loses
 * nothing, a save keeps what is in the field, and neither page scrolls sideways.
 */

let chromium: Chromium;
const baseUrl = () => inject('baseUrl');

beforeAll(async () => {
	chromium = await launchChromium();
});
afterAll(async () => {
	await chromium?.close();
});

const words = {
	en: {
		saved: 'Saved as version 1.',
		observation: 'Save observation',
		save: 'Save',
		start: 'Start with the first gap without one'
	},
	zh: {
		saved: '已保存为第 1 版。',
		observation: '保存观察',
		save: '保存',
		start: '从第一项未填写的差距开始'
	}
} as const;

describe("the consultant's opinion on the result page, an observation on its gap's page", () => {
	for (const lang of ['en', 'zh'] as const)
		for (const width of [1366, 390])
			it(`keeps every word typed, across a pause and a save (${lang}, ${width} px)`, async () => {
				const { owner, orgId } = await consultancy(lang);
				const clientId = await createClient(owner, orgId);
				const base = await startClientAssessment(owner, orgId, clientId);
				const gap = { status: 'non_compliant', note: 'Not yet', owner: 'Compliance' };
				await saveAnswer(owner, base, 'LIC-001', 0, gap);

				const context = await chromium.newContext({
					baseURL: baseUrl(),
					viewport: { width, height: 900 },
					locale: lang === 'zh' ? 'zh-CN' : 'en-GB'
				});
				await context.addCookies(
					[...owner.cookies].map(([name, value]) => ({ name, value, url: baseUrl() }))
				);
				const noSideways = async (page: Page) =>
					expect(
						await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
					).toBe(0);
				try {
					const page = await context.newPage();
					await page.goto(`${base}/result`);
					await page.waitForLoadState('networkidle');
					const opinion = page.locator('#opinion-zh');
					await opinion.pressSequentially('本机构许可方面');
					await page.waitForTimeout(2000); // the pause under test: nothing may reset the field
					await opinion.pressSequentially('仍有重大差距。');
					await page.locator('#opinion-en').pressSequentially('Material gaps remain.');
					await page
						.locator('#consultant-voice')
						.getByRole('button', { name: words[lang].save, exact: true })
						.click();
					await expect
						.poll(() => page.locator('#consultant-voice [role=status]').textContent())
						.toContain(words[lang].saved);
					expect(await opinion.inputValue()).toBe('本机构许可方面仍有重大差距。');
					await noSideways(page);
					await screenshot(page, `consultant-voice-${lang}-${width}.png`);

					// The gap's own page, from the result's observations: no form on the result page.
					expect(await page.locator('#observation-LIC-001-en').count()).toBe(0);
					await page
						.locator('#observations')
						.getByRole('link', { name: words[lang].start })
						.click();
					await page.waitForURL(/\/result\/observations\/LIC-001$/);
					await page.waitForLoadState('networkidle');
					const observation = page.locator('#observation-LIC-001-en');
					await observation.pressSequentially('Never filed');
					await page.waitForTimeout(2000); // the same pause
					await observation.pressSequentially('.');
					await page
						.locator('#observation-LIC-001')
						.getByRole('button', { name: words[lang].observation })
						.click();
					await expect
						.poll(() => page.locator('#observation-LIC-001 [role=status]').textContent())
						.toContain(words[lang].saved);
					expect(await observation.inputValue()).toBe('Never filed.');
					await noSideways(page);
					await screenshot(page, `observation-${lang}-${width}.png`);
					if (process.env.SCREENSHOTS === '1')
						await page
							.locator('#observation-LIC-001')
							.screenshot({ path: artifactPath(`observation-form-${lang}-${width}.png`) });

					await page.reload();
					await page.waitForLoadState('networkidle');
					expect(await page.locator('#observation-LIC-001-en').inputValue()).toBe('Never filed.');
					// Back on the result page, the observation is read under its gap's id, with a way to edit.
					await page.goto(`${base}/result`);
					expect(await page.locator('#observations').innerText()).toContain('Never filed.');
					expect(await page.locator('#opinion-zh').inputValue()).toBe(
						'本机构许可方面仍有重大差距。'
					);
				} finally {
					await context.close();
				}
			});
});
