import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Browser as Chromium, BrowserContext } from 'playwright-core';
import { launchChromium, screenshot } from '../helpers/chromium';
import { Browser, signUp } from '../helpers/browser';
import { saveProfile, startAssessment } from '../helpers/assessment';
import { pdfText, squash } from '../helpers/pdf';
import { seedsCorpus } from '../../src/lib/corpus/seeds-corpus';

const seeds = seedsCorpus();

let chromium: Chromium;
const baseUrl = () => inject('baseUrl');

beforeAll(async () => {
	chromium = await launchChromium();
});
afterAll(async () => {
	await chromium?.close();
});

/** A firm with a filled profile, made over HTTP; its session cookies and its assessment's path. */
async function firmWithAssessment(orgName: string) {
	const client = new Browser(baseUrl(), { lang: 'en' });
	const { orgId } = await signUp(client, { orgName });
	const base = await startAssessment(client, orgId, `${orgName} 2026`);
	expect((await saveProfile(client, base, 0)).status).toBe(303);
	return { cookies: client.cookies, base };
}

async function signedInContext(
	cookies: Map<string, string>,
	options: { javaScriptEnabled?: boolean; acceptDownloads?: boolean } = {}
): Promise<BrowserContext> {
	const context = await chromium.newContext({ baseURL: baseUrl(), ...options });
	await context.addCookies([...cookies].map(([name, value]) => ({ name, value, url: baseUrl() })));
	return context;
}

describe('the questionnaire in a real browser', () => {
	it("works with JavaScript disabled: from the whole questionnaire to the item's domain, a plain form post saves and comes back to the item", async () => {
		const firm = await firmWithAssessment('无脚本测试有限公司');
		const context = await signedInContext(firm.cookies, { javaScriptEnabled: false });
		try {
			const page = await context.newPage();
			await page.setViewportSize({ width: 1366, height: 700 });
			// The whole questionnaire lists every item closed; each links to its domain's page.
			await page.goto(`${firm.base}/questionnaire?domain=all`);
			const closed = await page
				.locator('article.item.closed')
				.evaluateAll((cards) => cards.map((c) => c.id));
			expect(closed.length).toBeGreaterThan(20);
			expect(await page.locator('form[action*="?/save"]').count()).toBe(0);
			// An item down its domain's page that may be not applicable: the answer to its post must
			// come back to it, not to the top.
			const seed = (itemId: string) => seeds.items.find((i) => i.id === itemId)!;
			const id = closed.find(
				(c, at) => at >= 2 && !seed(c).never_na && seed(closed[at - 2]!).domain === seed(c).domain
			)!;
			const domain = seed(id).domain;
			await Promise.all([
				page.waitForNavigation(),
				page.locator(`article[id="${id}"] a.open-answer`).click()
			]);
			expect(new URL(page.url()).search).toBe(`?domain=${domain}`);
			expect(new URL(page.url()).hash).toBe(`#${id}`);
			const item = page.locator(`article[id="${id}"]`);
			await item.locator('input[name=status][value=not_applicable]').check();
			await Promise.all([page.waitForNavigation(), item.locator('button[type=submit]').click()]);

			// Refused (N/A without a reason): the error is beside the item, and the page is there.
			expect(new URL(page.url()).hash).toBe(`#${id}`);
			const refused = page.locator(`article[id="${id}"]`);
			expect(await refused.locator('.field .error').innerText()).toBe('Say why it does not apply.');
			expect(await refused.locator('input[name=status][value=not_applicable]').isChecked()).toBe(
				true
			);

			await refused.locator('input[name=status][value=non_compliant]').check();
			await refused.locator('textarea[name=note]').fill('No licence yet; applying in Q3');
			await refused.locator('input[name=owner]').fill('Compliance lead');
			await Promise.all([page.waitForNavigation(), refused.locator('button[type=submit]').click()]);

			// The response to the plain post is the page again, at the item, with its saved state.
			expect(new URL(page.url()).hash).toBe(`#${id}`);
			const after = page.locator(`article[id="${id}"]`);
			expect(await after.locator('.notice.success').innerText()).toBe('Saved.');
			expect(await after.locator('.save-state').innerText()).toBe('Saved');
			const top = await after.evaluate((el) => el.getBoundingClientRect().top);
			expect(Math.abs(top)).toBeLessThan(50);
			expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
			await screenshot(page, 'questionnaire-no-js.png');

			await page.goto(`${firm.base}/questionnaire?domain=${domain}`);
			const reloaded = page.locator(`article[id="${id}"]`);
			expect(await reloaded.locator('input[name=status][value=non_compliant]').isChecked()).toBe(
				true
			);
			expect(await reloaded.locator('textarea[name=note]').inputValue()).toBe(
				'No licence yet; applying in Q3'
			);
			expect(await reloaded.locator('input[name=owner]').inputValue()).toBe('Compliance lead');
			expect(await reloaded.locator('.save-state').innerText()).toBe('Saved');
			// And the whole questionnaire says so in the item's line.
			await page.goto(`${firm.base}/questionnaire?domain=all`);
			expect(await page.locator(`article[id="${id}"] .answer-summary`).innerText()).toMatch(
				/^Non-compliant · No licence yet; applying in Q3\s*Change the answer$/
			);
		} finally {
			await context.close();
		}
	});

	it('two browsers editing one answer: the conflict is shown, both values stay, the second saves deliberately', async () => {
		const firm = await firmWithAssessment('并发编辑测试有限公司');
		const first = await signedInContext(firm.cookies);
		const second = await signedInContext(firm.cookies);
		try {
			const a = await first.newPage();
			const b = await second.newPage();
			// Both browsers' timers run on Playwright's clock: a person types a note and picks a status
			// in one go (the choice replaces the typing autosave's pending timer, and one save carries
			// both), however slowly this machine runs the two steps; and the test can move past the
			// typing delay at once instead of waiting it out.
			await a.clock.install();
			await b.clock.install();
			/** Types the note and picks the status with the page's time stopped, then lets it run. */
			const answer = async (page: typeof a, note: string, status: string) => {
				await page.clock.pauseAt(Date.now() + 1000);
				const item = page.locator('article#LIC-001');
				await item.locator('textarea[name=note]').fill(note);
				await item.locator(`input[name=status][value=${status}]`).check();
				await page.clock.resume();
			};
			await a.goto(`${firm.base}/questionnaire`);
			await b.goto(`${firm.base}/questionnaire`);
			// Hydrated first: a choice clicked before would be reset by the bound form.
			await Promise.all([a.waitForLoadState('networkidle'), b.waitForLoadState('networkidle')]);
			const itemA = a.locator('article#LIC-001');
			const itemB = b.locator('article#LIC-001');

			await answer(a, 'Alice: licence granted in May', 'compliant');
			await expect.poll(() => itemA.locator('.save-state').innerText()).toBe('Saved');
			await expect
				.poll(() => itemA.locator('textarea[name=note]').inputValue())
				.toBe('Alice: licence granted in May');

			// The second browser still holds the version it loaded: its save is refused, not applied.
			await answer(b, 'Bob: licence application pending', 'partial');
			const conflict = itemB.locator('.conflict');
			await expect.poll(() => conflict.isVisible(), { timeout: 10_000 }).toBe(true);
			const shown = await conflict.innerText();
			expect(shown).toContain('Compliant');
			expect(shown).toContain('Alice: licence granted in May');
			expect(shown).toContain('Partially compliant');
			expect(shown).toContain('Bob: licence application pending');
			expect(await itemB.locator('.notice.error').innerText()).toContain(
				'Someone saved this answer before you'
			);
			expect(await itemB.locator('textarea[name=note]').inputValue()).toBe(
				'Bob: licence application pending'
			);
			await screenshot(b, 'questionnaire-conflict.png');

			// More typing after the conflict does not autosave over the other answer: only Save does.
			const saves: string[] = [];
			b.on('request', (r) => void (r.method() === 'POST' && saves.push(r.url())));
			await itemB.locator('textarea[name=note]').fill('Bob: licence application pending.');
			// Well past the typing autosave's delay (1.2 s): its timer has fired, and sent nothing.
			await b.clock.runFor(5_000);
			expect(await itemB.locator('.save-state.saving').count()).toBe(0);
			expect(await itemB.locator('.conflict').isVisible()).toBe(true);

			// Nothing was overwritten: a fresh load shows the first browser's answer.
			const check = await first.newPage();
			await check.goto(`${firm.base}/items/LIC-001`);
			expect(await check.locator('textarea[name=note]').inputValue()).toBe(
				'Alice: licence granted in May'
			);
			// By now a save sent when the timer fired would have been seen leaving the second browser.
			expect(saves).toEqual([]);

			// Having seen both, the second person saves on purpose; now theirs is the answer.
			await itemB.locator('button[type=submit]').click();
			await expect.poll(() => itemB.locator('.save-state').innerText()).toBe('Saved');
			await check.goto(`${firm.base}/items/LIC-001`);
			expect(await check.locator('input[name=status][value=partial]').isChecked()).toBe(true);
			expect(await check.locator('textarea[name=note]').inputValue()).toBe(
				'Bob: licence application pending.'
			);
			// The first answer is still in the history.
			expect(await check.locator('main').innerText()).toContain('Alice: licence granted in May');
		} finally {
			await first.close();
			await second.close();
		}
	});

	it('downloads the PDF report from the result page and reads it back', async () => {
		const firm = await firmWithAssessment('下载报告测试有限公司');
		const context = await signedInContext(firm.cookies, { acceptDownloads: true });
		try {
			const page = await context.newPage();
			await page.goto(`${firm.base}/result`);
			await page.waitForLoadState('networkidle');
			await page.locator('.result-menu button').first().click();
			const [download] = await Promise.all([
				page.waitForEvent('download'),
				page.locator('[role=menuitem][href$="report.pdf?lang=en"]').click()
			]);
			expect(download.suggestedFilename()).toMatch(/\.pdf$/);
			const bytes = new Uint8Array(fs.readFileSync((await download.path())!));
			expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
			const text = squash(pdfText(bytes));
			expect(text).toContain(squash('下载报告测试有限公司 2026'));
			expect(text).toContain(squash('上海浦江数字科技有限公司'));
		} finally {
			await context.close();
		}
	});
});
