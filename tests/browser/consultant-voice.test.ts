import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Browser as Chromium } from 'playwright-core';
import { artifactPath, launchChromium, screenshot } from '../helpers/chromium';
import { saveAnswer } from '../helpers/assessment';
import { consultancy, createClient, startClientAssessment } from '../helpers/consultancy';

/*
 * The consultant writes the report's opinion and a gap's observation on the result page, in both
 * languages, on a desktop and a phone: typing, pausing and typing on loses nothing, saving one form
 * leaves the words typed in another, and the page never scrolls sideways.
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
	en: { saved: 'Saved as version 1.', observation: 'Save observation', save: 'Save' },
	zh: { saved: '已保存为第 1 版。', observation: '保存观察', save: '保存' }
} as const;

describe("the consultant's opinion on the result page", () => {
	for (const lang of ['en', 'zh'] as const)
		for (const width of [1366, 390])
			it(`keeps every word typed, across a pause and another form's save (${lang}, ${width} px)`, async () => {
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
				try {
					const page = await context.newPage();
					await page.goto(`${base}/result`);
					await page.waitForLoadState('networkidle');
					const opinion = page.locator('#opinion-zh');
					await opinion.pressSequentially('本机构许可方面');
					await page.waitForTimeout(2000); // the pause under test: nothing may reset the field
					await opinion.pressSequentially('仍有重大差距。');
					await page.locator('#opinion-en').pressSequentially('Material gaps remain.');
					const observation = page.locator('#observation-LIC-001-en');
					await observation.pressSequentially('Never filed');
					// Saving the opinion leaves the unsaved observation as typed.
					await page
						.locator('#consultant-voice')
						.getByRole('button', { name: words[lang].save, exact: true })
						.click();
					await expect
						.poll(() => page.locator('#consultant-voice [role=status]').textContent())
						.toContain(words[lang].saved);
					await observation.pressSequentially('.');
					expect(await opinion.inputValue()).toBe('本机构许可方面仍有重大差距。');
					expect(await observation.inputValue()).toBe('Never filed.');
					await page
						.locator('#observation-LIC-001')
						.getByRole('button', { name: words[lang].observation })
						.click();
					await expect
						.poll(() => page.locator('#observation-LIC-001 [role=status]').textContent())
						.toContain(words[lang].saved);
					const overflow = await page.evaluate(
						() => document.documentElement.scrollWidth - window.innerWidth
					);
					expect(overflow).toBe(0);
					await screenshot(page, `consultant-voice-${lang}-${width}.png`);
					if (process.env.SCREENSHOTS === '1')
						for (const part of ['consultant-voice', 'observations'])
							await page
								.locator(`#${part}`)
								.screenshot({ path: artifactPath(`${part}-${lang}-${width}.png`) });

					await page.reload();
					await page.waitForLoadState('networkidle');
					expect(await page.locator('#opinion-zh').inputValue()).toBe(
						'本机构许可方面仍有重大差距。'
					);
					expect(await page.locator('#observation-LIC-001-en').inputValue()).toBe('Never filed.');
				} finally {
					await context.close();
				}
			});
});
