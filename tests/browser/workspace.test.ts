import { seedsCorpus } from '../../src/lib/corpus/seeds-corpus';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Browser as Chromium, Page } from 'playwright-core';
import { launchChromium, screenshot } from '../helpers/chromium';
import { Browser, signUp } from '../helpers/browser';
import { saveAnswer, saveProfile, startAssessment } from '../helpers/assessment';
import { NOTE_LIMIT } from '../../src/lib/domain/answer-rules';
import { allFormsOpen } from '../helpers/whole-questionnaire';

/*
 * The questionnaire as a workspace: filters, "next unanswered", keys on a focused item, bulk
 * changes with the skipped items named. Items are picked from the page, never named.
 */

let chromium: Chromium;
const baseUrl = () => inject('baseUrl');

beforeAll(async () => {
	chromium = await launchChromium();
});
afterAll(async () => {
	await chromium?.close();
});

type Stored = Record<string, { status: string; note?: string }>;

const focusedItem = (page: Page) =>
	page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.item ?? null);

describe('the answering workspace', () => {
	it('filters, moves and answers by key on a focused item, and changes chosen items in bulk', async () => {
		const owner = new Browser(baseUrl(), { lang: 'en' });
		const { orgId } = await signUp(owner, { orgName: '工作台测试有限公司' });
		const base = await startAssessment(owner, orgId, '工作台 2026');
		expect((await saveProfile(owner, base, 0)).status).toBe(303);
		const answers = async () =>
			(JSON.parse((await owner.get(`${base}/export.json`)).body) as { answers: Stored }).answers;

		const context = await chromium.newContext({ baseURL: baseUrl() });
		await context.addCookies(
			[...owner.cookies].map(([name, value]) => ({ name, value, url: baseUrl() }))
		);
		try {
			const page = await context.newPage();
			page.on('dialog', (d) => void d.accept());
			await page.goto(`${base}/questionnaire?domain=all`);
			await page.waitForLoadState('networkidle');
			await allFormsOpen(page);
			const ids = await page
				.locator('li[data-item]')
				.evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.item!));
			expect(ids.length).toBeGreaterThan(20);
			const neverNa = await page
				.locator('li[data-item]:not(:has(input[value=not_applicable]))')
				.first()
				.getAttribute('data-item');
			expect(neverNa).not.toBeNull();
			const first = ids.find((id) => id !== neverNa)!;

			// Answered items leave the "unanswered" list.
			expect((await saveAnswer(owner, base, first, 0, { status: 'compliant' })).status).toBe(200);
			await page.locator('#filter-show').selectOption('unanswered');
			await page.locator('.filters button[type=submit]').click();
			await page.waitForURL(/show=unanswered/);
			await expect.poll(() => page.locator(`li[data-item="${first}"]`).count()).toBe(0);
			expect(await page.locator(`li[data-item="${neverNa}"]`).count()).toBe(1);

			// "Next unanswered" puts focus on an item; J moves on; a digit answers the focused item.
			await page.locator('.workspace-bar a', { hasText: 'Next unanswered' }).click();
			const start = await focusedItem(page);
			expect(start).not.toBeNull();
			await page.keyboard.press('j');
			const moved = await focusedItem(page);
			expect(moved).not.toBe(start);
			await page.keyboard.press('2');
			const row = page.locator(`li[data-item="${moved}"]`);
			expect(await row.locator('input[value=partial]').isChecked()).toBe(true);
			await expect
				.poll(() => page.locator('.sr-only[aria-live]').innerText())
				.toContain('Partially compliant');
			await expect.poll(async () => (await answers())[moved!]?.status).toBe('partial');
			expect(await focusedItem(page)).toBe(moved);

			// In a text field a digit is text, not an answer.
			await row.locator('textarea[name=note]').click();
			await page.keyboard.type('3 policies');
			expect(await row.locator('input[value=partial]').isChecked()).toBe(true);
			expect(await row.locator('textarea[name=note]').inputValue()).toBe('3 policies');
			await expect.poll(async () => (await answers())[moved!]?.note).toBe('3 policies');

			// Shortcuts can be turned off.
			await page.locator('.shortcuts input').uncheck();
			await row.focus();
			await page.keyboard.press('1');
			expect(await row.locator('input[value=compliant]').isChecked()).toBe(false);
			await page.locator('.shortcuts input').check();
			await screenshot(page, 'workspace-1366.png');

			// Bulk: N/A with one reason on three items; one may never be N/A, one was saved meanwhile.
			const naAllowed = await page
				.locator('li[data-item]:has(input[value=not_applicable])')
				.evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.item!));
			const [second, third] = naAllowed.filter((id) => ![first, moved].includes(id)) as [
				string,
				string
			];
			await page.goto(`${base}/questionnaire?domain=all`);
			await page.waitForLoadState('networkidle');
			await allFormsOpen(page);
			for (const id of [second, third, neverNa!])
				await page.locator(`li[data-item="${id}"] .select-item input`).check();
			expect(await page.locator('.bulk').innerText()).toContain('3 chosen');
			expect((await saveAnswer(owner, base, second, 0, { status: 'compliant' })).status).toBe(200);
			await page.locator('#bulk-change').selectOption('not_applicable');
			await page.locator('#bulk-reason').fill('We do not run this business');
			await Promise.all([
				page.waitForNavigation(),
				page.locator('.bulk button[type=submit]').click()
			]);
			const outcome = await page.locator('.workspace .notice').innerText();
			expect(outcome).toContain('1 changed.');
			expect(outcome).toContain('2 left as they were:');
			expect(outcome).toContain(`${neverNa} this item cannot be not applicable`);
			expect(outcome).toContain(`${second} someone saved it since; left as it was`);
			const after = await answers();
			expect(after[third]).toMatchObject({
				status: 'not_applicable',
				note: 'We do not run this business'
			});
			expect(after[second]?.status).toBe('compliant');
			expect(after[neverNa!]).toBeUndefined();
			await screenshot(page, 'workspace-bulk.png');
		} finally {
			await context.close();
		}
	});

	it('asks owner and due date of a gap only, counts down a long note, and fetches the reading when opened', async () => {
		const owner = new Browser(baseUrl(), { lang: 'en' });
		const { orgId } = await signUp(owner, { orgName: '工作台测试有限公司' });
		const base = await startAssessment(owner, orgId, '工作台 2026');
		expect((await saveProfile(owner, base, 0)).status).toBe(303);
		const context = await chromium.newContext({ baseURL: baseUrl() });
		await context.addCookies(
			[...owner.cookies].map(([name, value]) => ({ name, value, url: baseUrl() }))
		);
		try {
			const page = await context.newPage();
			page.on('dialog', (d) => void d.accept());
			await page.goto(`${base}/questionnaire?domain=all`);
			await page.waitForLoadState('networkidle');
			await allFormsOpen(page);
			const row = page.locator('li[data-item]').first();
			const id = (await row.getAttribute('data-item'))!;

			// Owner and due date: asked once the answer is a gap, not before nor after.
			const ownerField = row.locator('input[name=owner]');
			expect(await ownerField.isVisible()).toBe(false);
			await row.locator('input[value=partial]').check();
			expect(await ownerField.isVisible()).toBe(true);
			expect(await row.locator('input[name=due]').isVisible()).toBe(true);
			await row.locator('input[value=compliant]').check();
			expect(await ownerField.isVisible()).toBe(false);

			// A long note says how much room is left, and how far over it has gone.
			const note = row.locator('textarea[name=note]');
			expect(await row.locator('.note-room').count()).toBe(0);
			await note.fill('x'.repeat(NOTE_LIMIT - 10));
			expect(await row.locator('.note-room').innerText()).toBe('10 characters left');
			await note.press('End');
			await page.keyboard.type('y'.repeat(12));
			expect(await row.locator('.note-room').innerText()).toBe('2 characters over the limit');
			expect(await note.getAttribute('aria-invalid')).toBe('true');
			await note.fill('Short again');

			// The reading (why it applies, guidance, provisions) is not in the page: one closed part per
			// card, and opening it fetches it once, its guidance and provisions shown open.
			const item = seedsCorpus().items.find((i) => i.id === id)!;
			const reading = row.locator('details.reading');
			expect(await row.locator('details').count()).toBe(1);
			expect(await page.content()).not.toContain(item.guidance.en.slice(0, 40));
			const fetched = page.waitForResponse((r) => r.url().endsWith(`/items/${id}/reference`));
			await reading.locator('summary').click();
			expect((await fetched).status()).toBe(200);
			const guidance = reading.locator('details.guidance');
			await expect.poll(() => guidance.innerText()).toContain(item.guidance.en.slice(0, 40));
			expect(await guidance.innerText()).toContain('Examples of evidence');
			expect(await reading.locator('.applies').innerText()).toMatch(
				/^Applies (when|to every firm)/
			);
			const provisions = reading.locator('details.provisions');
			expect(await provisions.getAttribute('open')).not.toBeNull();
			expect(await provisions.locator('figure.provision').count()).toBe(item.provisions.length);
			await screenshot(page, 'workspace-reading.png');
		} finally {
			await context.close();
		}
	});

	it("opens the whole questionnaire's closed cards where the person is: near the viewport, by key, by its link; a ticked box stays ticked", async () => {
		const owner = new Browser(baseUrl(), { lang: 'en' });
		const { orgId } = await signUp(owner, { orgName: '工作台测试有限公司' });
		const base = await startAssessment(owner, orgId, '工作台 2026');
		expect((await saveProfile(owner, base, 0)).status).toBe(303);
		const answers = async () =>
			(JSON.parse((await owner.get(`${base}/export.json`)).body) as { answers: Stored }).answers;
		const context = await chromium.newContext({
			baseURL: baseUrl(),
			viewport: { width: 1366, height: 700 }
		});
		await context.addCookies(
			[...owner.cookies].map(([name, value]) => ({ name, value, url: baseUrl() }))
		);
		try {
			const page = await context.newPage();
			page.on('dialog', (d) => void d.accept());
			// The page's idle time stands still (Playwright's clock, paused before the page's script
			// runs): only what the person reaches opens, the rest stays closed until the clock runs.
			// Paused before the page is asked for: on a loaded machine the page's script can be
			// running, and idle, before a pause sent once the page had begun to load.
			await page.clock.install();
			await page.clock.pauseAt(Date.now() + 1000);
			await page.goto(`${base}/questionnaire?domain=all`);
			await page.waitForLoadState('networkidle');
			const ids = await page
				.locator('li[data-item]')
				.evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.item!));
			// The first cards, in view, open as the page starts; the last ones wait.
			await expect
				.poll(() => page.locator(`article[id="${ids[0]}"] input[name=status]`).count())
				.toBeGreaterThan(0);
			// Three cards far apart: the screen around one that opens leaves the others closed.
			const far: [string, string, string] = [
				ids.at(-1)!,
				ids[Math.floor(ids.length / 2)]!,
				ids[Math.floor(ids.length / 4)]!
			];
			for (const id of far)
				expect(await page.locator(`article[id="${id}"].closed`).count()).toBe(1);

			// A box ticked on a closed card is still ticked once the card is a form.
			await page.locator(`article[id="${far[0]}"] input[name=items]`).evaluate((box) => {
				(box as HTMLInputElement).click();
			});
			expect(await page.locator('.bulk').innerText()).toContain('1 chosen');
			// The list's keys reach it: it opens at once, and a digit answers it.
			const row = page.locator(`li[data-item="${far[0]}"]`);
			await row.focus();
			await expect.poll(() => row.locator('input[name=status]').count()).toBeGreaterThan(0);
			expect(await row.locator('input[name=items]').isChecked()).toBe(true);
			expect(await page.locator('.bulk').innerText()).toContain('1 chosen');
			await page.keyboard.press('1');
			expect(await row.locator('input[value=compliant]').isChecked()).toBe(true);
			expect(await focusedItem(page)).toBe(far[0]);

			// Its link opens another in place, focus on its answer.
			await page.locator(`article[id="${far[1]}"] a.open-answer`).dispatchEvent('click');
			await expect
				.poll(() =>
					page.evaluate(() => {
						const active = document.activeElement as HTMLInputElement | null;
						return active?.name === 'status' ? active.closest('article')?.id : null;
					})
				)
				.toBe(far[1]);
			expect(page.url()).not.toContain('#');
			expect(await page.locator(`article[id="${far[2]}"].closed`).count()).toBe(1);

			// Time runs again: the save goes, and every card becomes a form.
			await page.clock.resume();
			await expect.poll(async () => (await answers())[far[0]]?.status).toBe('compliant');
			await allFormsOpen(page);
			expect(await page.locator('input[name=items]:checked').count()).toBe(1);
			// The page's data leaves the questions out (they are in its HTML): each form shows its
			// own item's question all the same, in the page's language.
			const questions = await page
				.locator('article.item')
				.evaluateAll((cards) =>
					cards.map((c) => [c.id, c.querySelector('.question')?.textContent ?? ''])
				);
			expect(questions.length).toBe(ids.length);
			const corpus = new Map(seedsCorpus().items.map((i) => [i.id, i.question.en]));
			for (const [id, question] of questions) expect(question).toBe(corpus.get(id!));
		} finally {
			await context.close();
		}
	});

	it('opens at once, wherever it is, a closed card with an edit this browser has not sent', async () => {
		const owner = new Browser(baseUrl(), { lang: 'en' });
		const { orgId } = await signUp(owner, { orgName: '工作台测试有限公司' });
		const base = await startAssessment(owner, orgId, '工作台 2026');
		expect((await saveProfile(owner, base, 0)).status).toBe(303);
		// The last item of the whole questionnaire: far from the top of it.
		const whole = (await owner.get(`${base}/questionnaire?domain=all`)).body;
		const last = [...whole.matchAll(/<li data-item="([A-Z]+-\d{3})"/g)].at(-1)![1]!;
		const domain = seedsCorpus().items.find((i) => i.id === last)!.domain;
		const context = await chromium.newContext({
			baseURL: baseUrl(),
			viewport: { width: 1366, height: 700 }
		});
		await context.addCookies(
			[...owner.cookies].map(([name, value]) => ({ name, value, url: baseUrl() }))
		);
		try {
			const page = await context.newPage();
			page.on('dialog', (d) => void d.accept());
			await page.clock.install();
			// Typed on its domain's page, the save refused by the network: kept in this browser.
			await page.goto(`${base}/questionnaire?domain=${domain}`);
			await page.waitForLoadState('networkidle');
			await page.route('**/*', (route) =>
				route.request().method() === 'POST' ? route.abort() : route.continue()
			);
			const item = page.locator(`article[id="${last}"]`);
			// A domain's page, too, reads its questions from its cards (its data leaves them out).
			expect(await item.locator('.question').textContent()).toBe(
				seedsCorpus().items.find((i) => i.id === last)!.question.en
			);
			await item.locator('textarea[name=note]').fill('Drafted on the train');
			await page.clock.runFor(1_700);
			await expect.poll(() => item.locator('.save-error').isVisible()).toBe(true);

			// The whole questionnaire, idle time paused: only that card opens down the page, to offer it.
			await page.goto(`${base}/questionnaire?domain=all`, { waitUntil: 'commit' });
			// (Its clock ran ahead above: a minute on, before the page's script has set any timer.)
			await page.clock.pauseAt(Date.now() + 60_000);
			await page.waitForLoadState('networkidle');
			const card = page.locator(`article[id="${last}"]`);
			await expect.poll(() => card.locator('.draft-restored').isVisible()).toBe(true);
			expect(await card.locator('textarea[name=note]').inputValue()).toBe('Drafted on the train');
			const before = await page
				.locator('li[data-item]')
				.nth(-2)
				.locator('article')
				.getAttribute('class');
			expect(before).toContain('closed');
		} finally {
			await context.close();
		}
	});
});
