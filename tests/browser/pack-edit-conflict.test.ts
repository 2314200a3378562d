import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { saveProfile, startAssessment } from '../helpers/assessment';
import { Browser, signUp } from '../helpers/browser';
import { artifactPath, contextAs, useChromium } from '../helpers/chromium';
import { inviteMember, joinByInvitation } from '../helpers/consultancy';

/*
 * A filing pack section edited by two people at once, in real browsers with JavaScript: the one
 * who saves second over the other's change is told, in words that fit what happened — the other
 * changed the section, or took it back to the draft, or the second was taking it back to the draft
 * themselves — and what to do next. tests/integration/pack-section-edits.test.ts checks the 409
 * without JavaScript.
 */

const chromium = useChromium();
const baseUrl = () => inject('baseUrl');
const SECTION = 'risk_prevention';

async function openPack(page: Page, base: string) {
	await page.goto(`${base}/pack`);
	await page.waitForLoadState('networkidle');
	const details = page.locator(`#section-${SECTION} details`);
	await details.locator('summary').scrollIntoViewIfNeeded();
	await details.locator('summary').click();
	await page.locator(`#section-${SECTION} details[open] textarea`).waitFor();
}

const section = (page: Page) => page.locator(`#section-${SECTION}`);
const notice = (page: Page) => section(page).locator('.notice');
const saveButton = (page: Page) => section(page).locator('button[type=submit]:not([name=clear])');
const clearButton = (page: Page) => section(page).locator('button[name=clear]');

/** The section as the person sees it, for a person to look at (SCREENSHOTS=1). */
async function shoot(page: Page, name: string) {
	if (process.env.SCREENSHOTS === '1') await section(page).screenshot({ path: artifactPath(name) });
}

/**
 * The refusal the page shows once it says `words`: the sentence starts with who changed the
 * section (a name or "Someone else", never in lower case) and the box still holds `kept`.
 */
async function refusal(page: Page, words: string, kept: string): Promise<string> {
	await expect.poll(() => notice(page).textContent()).toContain(words);
	const text = (await notice(page).textContent())!.trim();
	expect(text).not.toMatch(/^[a-z]/);
	expect(await section(page).locator('textarea').inputValue()).toBe(kept);
	return text;
}

/** The section's statements as the page now shows them. */
const statements = (page: Page) => section(page).locator('.statements').textContent();

async function saveText(page: Page, text: string) {
	await section(page).locator('textarea').fill(text);
	await saveButton(page).click();
}

const WORDS = {
	en: {
		saved: 'Edit saved.',
		changed: 'changed this section after you opened the page',
		cleared: 'This section was taken back to the draft after you opened the page',
		notCleared: 'so it was not taken back to the draft',
		again: 'Back to the draft'
	},
	zh: {
		saved: '编辑已保存。',
		changed: '修改了本节',
		cleared: '本节已被恢复为草稿',
		notCleared: '本节未恢复为草稿',
		again: '恢复草稿'
	}
} as const;

describe('a pack section edited in two browsers', () => {
	for (const lang of ['en', 'zh'] as const)
		it(`tells the second editor what the first did, in plain ${lang}`, async () => {
			const w = WORDS[lang];
			const owner = new Browser(undefined, { lang });
			const { orgId } = await signUp(owner);
			const base = await startAssessment(owner, orgId);
			expect((await saveProfile(owner, base, 0)).status).toBe(303);
			const colleague = await joinByInvitation(
				await inviteMember(owner, orgId, 'consultant'),
				lang
			);
			const first = await contextAs(chromium(), baseUrl(), colleague, lang);
			const second = await contextAs(chromium(), baseUrl(), owner, lang);
			try {
				const a = await first.newPage();
				const b = await second.newPage();

				// 1. The colleague changes the section; the owner, on the page opened before, saves theirs.
				await openPack(a, base);
				await openPack(b, base);
				const theirs = lang === 'en' ? 'Risk reserve of CNY 5m.' : '风险准备金 500 万元。';
				await saveText(a, theirs);
				await expect.poll(() => notice(a).textContent()).toContain(w.saved);
				const mine = lang === 'en' ? 'Monthly reserve.' : '按月计提准备金。';
				await saveText(b, mine);
				expect(await refusal(b, w.changed, mine)).toContain(theirs);
				// The page now shows the section as it stands.
				await expect.poll(() => statements(b)).toContain(theirs);
				await shoot(b, `pack-edit-conflict-changed-${lang}.png`);

				// 2. The colleague takes it back to the draft; the owner, not knowing, saves again.
				await openPack(a, base);
				await openPack(b, base);
				await clearButton(a).click();
				await expect.poll(() => notice(a).textContent()).toBeTruthy();
				const again = lang === 'en' ? 'Quarterly reserve.' : '按季计提准备金。';
				await saveText(b, again);
				expect(await refusal(b, w.cleared, again)).not.toContain('“”');
				await expect.poll(() => statements(b)).not.toContain(theirs);
				await shoot(b, `pack-edit-conflict-cleared-${lang}.png`);

				// 3. The colleague changes an edited section while the owner takes it back to the draft.
				await openPack(a, base);
				await saveText(a, theirs);
				await expect.poll(() => notice(a).textContent()).toContain(w.saved);
				await openPack(a, base);
				await openPack(b, base);
				const later = lang === 'en' ? 'Reserve held in escrow.' : '准备金由第三方托管。';
				await saveText(a, later);
				await expect.poll(() => notice(a).textContent()).toContain(w.saved);
				await clearButton(b).click();
				const notCleared = await refusal(b, w.notCleared, theirs);
				expect(notCleared).toContain(later);
				expect(notCleared).toContain(w.again);
				await shoot(b, `pack-edit-conflict-clear-${lang}.png`);
				// Chosen again, knowingly, it goes back to the draft.
				await clearButton(b).click();
				await expect.poll(() => notice(b).textContent()).not.toContain(w.notCleared);
			} finally {
				await first.close();
				await second.close();
			}
		});
});
