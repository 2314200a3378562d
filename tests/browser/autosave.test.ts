import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Browser as Chromium, BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium';
import { Browser, PASSWORD, signUp, uniqueEmail } from '../helpers/browser';
import { saveProfile, startAssessment } from '../helpers/assessment';
import { inviteMember, joinByInvitation } from '../helpers/consultancy';

/*
 * Autosave as a person meets it: typing with pauses, an input method, a slow or broken connection,
 * a reload, an expired session, a shared computer. Every page's timers run on Playwright's clock, so
 * "a pause" is a jump of the page's time, never a wait. Items are picked from the loaded page, not
 * named, so the tests do not depend on the corpus's ids.
 */

let chromium: Chromium;
const baseUrl = () => inject('baseUrl');

beforeAll(async () => {
	chromium = await launchChromium();
});
afterAll(async () => {
	await chromium?.close();
});

interface Firm {
	email: string;
	owner: Browser;
	orgId: string;
	base: string;
}

/** A firm with a filled profile, made over HTTP. */
async function firmWithAssessment(orgName: string): Promise<Firm> {
	const owner = new Browser(baseUrl(), { lang: 'en' });
	const { email, orgId } = await signUp(owner, { orgName });
	const base = await startAssessment(owner, orgId, `${orgName} 2026`);
	expect((await saveProfile(owner, base, 0)).status).toBe(303);
	return { email, owner, orgId, base };
}

/** A colleague who joins the firm through an invitation; answers their email. */
async function joinAs(firm: Firm, role: string): Promise<string> {
	const email = uniqueEmail('colleague');
	const link = await inviteMember(firm.owner, firm.orgId, role, email);
	await joinByInvitation(link, 'en', email);
	return email;
}

async function signedInContext(browser: Browser): Promise<BrowserContext> {
	// The test server sits behind a proxy (ADDRESS_HEADER): the log-in form needs the address.
	const context = await chromium.newContext({
		baseURL: baseUrl(),
		extraHTTPHeaders: { 'x-forwarded-for': browser.address }
	});
	await context.addCookies(
		[...browser.cookies].map(([name, value]) => ({ name, value, url: baseUrl() }))
	);
	return context;
}

/** The answer as stored, read back over HTTP by the firm's owner (the assessment's JSON export). */
async function stored(firm: Firm, itemId: string) {
	const page = await firm.owner.get(`${firm.base}/export.json`);
	expect(page.status).toBe(200);
	const data = JSON.parse(page.body) as {
		answers: Record<string, { status: string; note?: string; evidence?: string[] | string }>;
	};
	return data.answers[itemId] ?? null;
}
const storedNote = async (firm: Firm, itemId: string) => (await stored(firm, itemId))?.note ?? null;

/** Opens a page with the clock installed and waits until it is hydrated. */
async function open(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await page.waitForLoadState('networkidle');
}

/** The first item of the questionnaire's first domain, and its id. */
async function firstItem(page: Page, firm: Firm): Promise<{ item: Locator; id: string }> {
	await open(page, `${firm.base}/questionnaire`);
	const id = await page.locator('article.item').first().getAttribute('id');
	if (!id) throw new Error('no item on the questionnaire');
	return { item: page.locator(`article[id="${id}"]`), id };
}

/** Opens the questionnaire with the page's script held back until `release` is called. */
async function openWithScriptHeld(page: Page, firm: Firm) {
	let release = () => {};
	const scriptsHeld = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await scriptsHeld;
		await route.continue();
	});
	await page.goto(`${firm.base}/questionnaire`, { waitUntil: 'commit' });
	const item = page.locator('article.item').first();
	const id = await item.getAttribute('id');
	if (!id) throw new Error('no item on the questionnaire');
	return { item, id, release };
}

/** Resolves with the next answer save's response. */
const nextSave = (page: Page) =>
	page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('save'));

const focused = (page: Page) =>
	page.evaluate(() => {
		const el = document.activeElement;
		return el
			? `${el.tagName}${el.getAttribute('name') ? `[name=${el.getAttribute('name')}]` : ''}${el instanceof HTMLInputElement && el.type === 'radio' ? `[value=${el.value}]` : ''}`
			: '';
	});

/** Types, pauses longer than the typing autosave waits, and types on once the save has answered. */
async function pauseWhileTyping(page: Page, item: Locator, firm: Firm, id: string) {
	const note = item.locator('textarea[name=note]');
	await item.locator('input[name=status][value=non_compliant]').check();
	await expect.poll(() => item.locator('.save-state').innerText()).toBe('Saved');
	await note.click();
	await page.keyboard.type('First part');
	const saved = nextSave(page);
	await page.clock.runFor(1_700);
	await saved;
	await expect.poll(() => item.locator('.save-state').innerText()).toBe('Saved');
	await page.keyboard.type(' second part');
	expect(await focused(page)).toBe('TEXTAREA[name=note]');
	expect(await note.inputValue()).toBe('First part second part');
	await page.clock.runFor(1_700);
	await expect.poll(() => storedNote(firm, id)).toBe('First part second part');
	expect(await note.inputValue()).toBe('First part second part');
	expect(await focused(page)).toBe('TEXTAREA[name=note]');
}

describe('autosave in a real browser', () => {
	it('keeps typing after a pause on the questionnaire: focus stays, nothing is lost', async () => {
		const firm = await firmWithAssessment('停顿输入问卷有限公司');
		const context = await signedInContext(firm.owner);
		try {
			const page = await context.newPage();
			await page.clock.install();
			const { item, id } = await firstItem(page, firm);
			await pauseWhileTyping(page, item, firm, id);
		} finally {
			await context.close();
		}
	});

	it('keeps typing after a pause on the item page', async () => {
		const firm = await firmWithAssessment('停顿输入条目有限公司');
		const context = await signedInContext(firm.owner);
		try {
			const page = await context.newPage();
			await page.clock.install();
			const { id } = await firstItem(page, firm);
			await open(page, `${firm.base}/items/${id}`);
			await pauseWhileTyping(page, page.locator(`article[id="${id}"]`), firm, id);
		} finally {
			await context.close();
		}
	});

	it('Tab to the next field while a save is on its way: what is typed there stays and is saved', async () => {
		const firm = await firmWithAssessment('保存中切换字段有限公司');
		const context = await signedInContext(firm.owner);
		try {
			const page = await context.newPage();
			await page.clock.install();
			const { item, id } = await firstItem(page, firm);
			// Saves are held until the test lets them go: the save is "on its way" for as long as needed.
			const held: (() => void)[] = [];
			let holding = true;
			// Not unrouted later: unrouting a handler still holding a request lets Playwright continue
			// that request itself, and the handler's own continue then fails ("already handled").
			await page.route('**/*', async (route) => {
				if (!holding || route.request().method() !== 'POST') return route.continue();
				await new Promise<void>((release) => held.push(release));
				await route.continue();
			});
			await item.locator('input[name=status][value=partial]').check();
			await item.locator('textarea[name=note]').click();
			await page.keyboard.type('Policy drafted');
			await page.clock.runFor(1_700);
			await expect.poll(() => held.length).toBeGreaterThan(0);
			await page.keyboard.press('Tab');
			await page.keyboard.type('POL-7 board minutes');
			// The save answers; the evidence typed meanwhile is still there, and goes next.
			const answered = nextSave(page);
			holding = false;
			for (const release of held.splice(0)) release();
			await answered;
			expect(await focused(page)).toBe('TEXTAREA[name=evidence]');
			expect(await item.locator('textarea[name=evidence]').inputValue()).toBe(
				'POL-7 board minutes'
			);
			await page.clock.runFor(1_700);
			await expect
				.poll(async () => (await stored(firm, id))?.evidence)
				.toEqual(['POL-7 board minutes']);
			expect(await storedNote(firm, id)).toBe('Policy drafted');
		} finally {
			await context.close();
		}
	});

	it('a status chosen by keyboard saves and keeps the focus on the choice', async () => {
		const firm = await firmWithAssessment('键盘选择状态有限公司');
		const context = await signedInContext(firm.owner);
		try {
			const page = await context.newPage();
			await page.clock.install();
			const { item, id } = await firstItem(page, firm);
			await item.locator('input[name=status]').first().focus();
			let saved = nextSave(page);
			await page.keyboard.press('Space');
			await saved;
			await expect.poll(() => item.locator('.save-state').innerText()).toBe('Saved');
			expect(await focused(page)).toBe('INPUT[name=status][value=compliant]');
			saved = nextSave(page);
			await page.keyboard.press('ArrowDown');
			await saved;
			await expect.poll(() => item.locator('.save-state').innerText()).toBe('Saved');
			expect(await focused(page)).toBe('INPUT[name=status][value=partial]');
			expect((await stored(firm, id))?.status).toBe('partial');
			// The next Tab goes on to the note, not back to the top of the page.
			await page.keyboard.press('Tab');
			expect(await focused(page)).toBe('TEXTAREA[name=note]');
		} finally {
			await context.close();
		}
	});

	it('an input method composition is saved once, whole, after it ends', async () => {
		const firm = await firmWithAssessment('输入法组字有限公司');
		const context = await signedInContext(firm.owner);
		try {
			const page = await context.newPage();
			await page.clock.install();
			const { item, id } = await firstItem(page, firm);
			await item.locator('input[name=status][value=compliant]').check();
			await expect.poll(() => item.locator('.save-state').innerText()).toBe('Saved');
			const posts: string[] = [];
			page.on('request', (r) => void (r.method() === 'POST' && posts.push(r.url())));
			const note = item.locator('textarea[name=note]');
			await note.click();
			// Through the browser's own input pipeline, as an input method drives it.
			const cdp = await context.newCDPSession(page);
			await cdp.send('Input.insertText', { text: '已获' });
			await cdp.send('Input.imeSetComposition', { text: 'p', selectionStart: 1, selectionEnd: 1 });
			await cdp.send('Input.imeSetComposition', {
				text: 'pi zhun',
				selectionStart: 7,
				selectionEnd: 7
			});
			// The person looks for the characters for longer than the typing autosave waits.
			await page.clock.runFor(3_000);
			expect(await item.locator('.save-state').innerText()).not.toBe('Saving…');
			await cdp.send('Input.insertText', { text: '批准' });
			expect(await note.inputValue()).toBe('已获批准');
			await page.clock.runFor(1_700);
			await expect.poll(() => storedNote(firm, id)).toBe('已获批准');
			await page.clock.runFor(5_000);
			expect(posts).toHaveLength(1);
			expect(await note.inputValue()).toBe('已获批准');
		} finally {
			await context.close();
		}
	});

	it('with 800 ms added to every save, typing on through the saves loses nothing', async () => {
		const firm = await firmWithAssessment('慢速网络有限公司');
		const context = await signedInContext(firm.owner);
		try {
			const page = await context.newPage();
			await page.clock.install();
			const { item, id } = await firstItem(page, firm);
			await page.route('**/*', async (route) => {
				if (route.request().method() === 'POST')
					await new Promise((resolve) => setTimeout(resolve, 800));
				await route.continue();
			});
			await item.locator('input[name=status][value=non_compliant]').check();
			const note = item.locator('textarea[name=note]');
			await note.click();
			const words = ['Licence', ' application', ' filed', ' in', ' March'];
			for (const word of words) {
				await page.keyboard.type(word);
				await page.clock.runFor(1_300);
			}
			await page.keyboard.press('Tab');
			await page.keyboard.type('Filing receipt 2026-03');
			await page.clock.runFor(1_300);
			const text = words.join('');
			await expect.poll(() => storedNote(firm, id)).toBe(text);
			await expect
				.poll(async () => (await stored(firm, id))?.evidence)
				.toEqual(['Filing receipt 2026-03']);
			await expect.poll(() => item.locator('.save-state').innerText()).toBe('Saved');
			expect(await note.inputValue()).toBe(text);
			expect((await stored(firm, id))?.status).toBe('non_compliant');
		} finally {
			await context.close();
		}
	});

	it('a choice and a note made before the page’s script has run are saved once it runs', async () => {
		const firm = await firmWithAssessment('慢速脚本有限公司');
		const context = await signedInContext(firm.owner);
		try {
			const { item, id, release } = await openWithScriptHeld(await context.newPage(), firm);
			await item.locator('input[name=status][value=partial]').check();
			await item.locator('textarea[name=note]').fill('Chosen before the page came alive');
			expect(await stored(firm, id)).toBeNull();
			release();
			await expect.poll(() => item.locator('.save-state').innerText()).toBe('Saved');
			expect(await stored(firm, id)).toMatchObject({
				status: 'partial',
				note: 'Chosen before the page came alive'
			});
		} finally {
			await context.close();
		}
	});

	it('a choice alone made before the page’s script has run is saved once it runs', async () => {
		// The radio group takes the browser's choice a moment after hydration, not during it: the
		// card must still notice it and send it, not sit at "Not saved" with nothing on its way.
		const firm = await firmWithAssessment('慢速选择有限公司');
		const context = await signedInContext(firm.owner);
		try {
			const { item, id, release } = await openWithScriptHeld(await context.newPage(), firm);
			await item.locator('input[name=status][value=non_compliant]').check();
			release();
			await expect.poll(() => item.locator('.save-state').innerText()).toBe('Saved');
			expect(await stored(firm, id)).toMatchObject({ status: 'non_compliant', note: '' });
		} finally {
			await context.close();
		}
	});

	it('offline: the failure is shown on the item, and the edit is sent when the connection returns', async () => {
		const firm = await firmWithAssessment('断网重连有限公司');
		const context = await signedInContext(firm.owner);
		try {
			const page = await context.newPage();
			await page.clock.install();
			const { item, id } = await firstItem(page, firm);
			await context.setOffline(true);
			await item.locator('input[name=status][value=partial]').check();
			await item.locator('textarea[name=note]').click();
			await page.keyboard.type('Written on the train');
			await page.clock.runFor(1_700);
			await expect.poll(() => item.locator('.save-error').isVisible()).toBe(true);
			// Between tries (one may be on its way when the error shows), the badge says so.
			await expect.poll(() => item.locator('.save-state').innerText()).toBe('Not saved');
			// Typing on while offline is kept as well.
			await page.keyboard.type(', no signal');
			await page.clock.runFor(1_700);
			await context.setOffline(false);
			await page.clock.runFor(30_000);
			await expect.poll(() => storedNote(firm, id)).toBe('Written on the train, no signal');
			await expect.poll(() => item.locator('.save-state').innerText()).toBe('Saved');
			expect(await item.locator('.save-error').count()).toBe(0);
		} finally {
			await context.close();
		}
	});

	it('a reload with unsent edits warns first, then restores them and offers to send them', async () => {
		const firm = await firmWithAssessment('刷新恢复草稿有限公司');
		const context = await signedInContext(firm.owner);
		try {
			const page = await context.newPage();
			await page.clock.install();
			const { item, id } = await firstItem(page, firm);
			await page.route('**/*', (route) =>
				route.request().method() === 'POST' ? route.abort() : route.continue()
			);
			await item.locator('input[name=status][value=partial]').check();
			await item.locator('textarea[name=note]').click();
			await page.keyboard.type('Half the policies reviewed');
			await page.clock.runFor(1_700);
			await expect.poll(() => item.locator('.save-error').isVisible()).toBe(true);
			const dialogs: string[] = [];
			page.on('dialog', (d) => {
				dialogs.push(d.type());
				void d.accept();
			});
			await page.reload();
			await page.waitForLoadState('networkidle');
			expect(dialogs).toContain('beforeunload');
			const restored = page.locator(`article[id="${id}"]`);
			await expect
				.poll(() => restored.locator('textarea[name=note]').inputValue())
				.toBe('Half the policies reviewed');
			expect(await restored.locator('input[name=status][value=partial]').isChecked()).toBe(true);
			expect(await storedNote(firm, id)).toBe(null);
			await page.unroute('**/*');
			await restored.locator('.draft-restored button.send-draft').click();
			await expect.poll(() => storedNote(firm, id)).toBe('Half the policies reviewed');
			await expect.poll(() => restored.locator('.save-state').innerText()).toBe('Saved');
			expect(await restored.locator('.draft-restored').count()).toBe(0);
		} finally {
			await context.close();
		}
	});

	it('a session that expires during autosave: log in again, the edit is still there and saved', async () => {
		const firm = await firmWithAssessment('会话过期有限公司');
		const context = await signedInContext(firm.owner);
		try {
			const page = await context.newPage();
			await page.clock.install();
			const { item, id } = await firstItem(page, firm);
			await item.locator('input[name=status][value=compliant]').check();
			await expect.poll(() => item.locator('.save-state').innerText()).toBe('Saved');
			// The session ends on the server's side: the browser's token no longer opens one.
			await context.clearCookies({ name: 'session' });
			await context.addCookies([{ name: 'session', value: 'expired.token', url: baseUrl() }]);
			await item.locator('textarea[name=note]').click();
			await page.keyboard.type('Licence granted 2026-05');
			await page.clock.runFor(1_700);
			const error = item.locator('.save-error');
			await expect.poll(() => error.isVisible()).toBe(true);
			expect(page.url()).toContain('/questionnaire');
			await error.locator('a.log-in-again').click();
			await page.waitForURL(/\/login/);
			await page.locator('input[name=email]').fill(firm.email);
			await page.locator('input[name=password]').fill(PASSWORD);
			await page.locator('main form button[type=submit]').click();
			await page.waitForURL(/\/questionnaire/);
			await page.waitForLoadState('networkidle');
			const back = page.locator(`article[id="${id}"]`);
			await expect
				.poll(() => back.locator('textarea[name=note]').inputValue())
				.toBe('Licence granted 2026-05');
			await back.locator('.draft-restored button.send-draft').click();
			await expect.poll(() => storedNote(firm, id)).toBe('Licence granted 2026-05');
		} finally {
			await context.close();
		}
	});

	it('another person on the same browser never sees the first one’s unsent edit; log-out clears it', async () => {
		const firm = await firmWithAssessment('共用电脑有限公司');
		const colleagueEmail = await joinAs(firm, 'consultant');
		const context = await signedInContext(firm.owner);
		try {
			const page = await context.newPage();
			await page.clock.install();
			const { item, id } = await firstItem(page, firm);
			// No save gets through while the owner's page lives: one that did (the note's, sent as the
			// route went, or a retry, which the page's clock runs in real time) would store the note,
			// and the colleague would rightly see it as the firm's answer.
			const saves = (url: URL) => url.search.startsWith('?/save');
			const refused: string[] = [];
			await page.route(saves, (route) => {
				if (route.request().method() !== 'POST') return route.continue();
				refused.push(route.request().postData() ?? '');
				return route.abort();
			});
			await item.locator('input[name=status][value=partial]').check();
			await item.locator('textarea[name=note]').click();
			await page.keyboard.type('Owner draft, not sent');
			await page.clock.runFor(1_700);
			// The status's save failed before the typing (the error shows already): wait for the note's.
			await expect
				.poll(() => refused.some((body) => body.includes('Owner draft, not sent')))
				.toBe(true);
			await expect.poll(() => item.locator('.save-state.failed').count()).toBe(1);
			expect(await item.locator('.save-error').isVisible()).toBe(true);

			// Leaving with the unsent edit asks first; the person leaves all the same.
			page.on('dialog', (d) => void d.accept());
			/** Leaves the session without logging out (it expired), then logs in as someone. */
			const logInAs = async (email: string) => {
				await context.clearCookies({ name: 'session' });
				await page.goto(`/login?next=${encodeURIComponent(`${firm.base}/items/${id}`)}`);
				await page.locator('input[name=email]').fill(email);
				await page.locator('input[name=password]').fill(PASSWORD);
				await page.locator('main form button[type=submit]').click();
				await page.waitForURL(/\/items\//);
				await page.waitForLoadState('networkidle');
				return page.locator(`article[id="${id}"]`);
			};

			const theirs = await logInAs(colleagueEmail);
			// Unsent indeed: the only copy of the note is the owner's, in this browser.
			expect(await storedNote(firm, id)).toBe(null);
			expect(await theirs.locator('textarea[name=note]').inputValue()).toBe('');
			expect(await theirs.locator('.draft-restored').count()).toBe(0);
			expect(await page.locator('main').innerText()).not.toContain('Owner draft');
			// The connection is back; the owner's page, and its retries, are gone.
			await page.unroute(saves);

			// The owner, back on this browser, is offered their own edit; after a log-out it is gone.
			const mine = await logInAs(firm.email);
			await expect
				.poll(() => mine.locator('textarea[name=note]').inputValue())
				.toBe('Owner draft, not sent');
			expect(await mine.locator('.draft-restored').count()).toBe(1);
			await page.locator('form[action="/logout"] button').click();
			await page.waitForURL(/\/login/);
			const again = await logInAs(firm.email);
			expect(await again.locator('textarea[name=note]').inputValue()).toBe('');
			expect(await again.locator('.draft-restored').count()).toBe(0);
			// Offered, never sent by itself.
			expect(await storedNote(firm, id)).toBe(null);
		} finally {
			await context.close();
		}
	});
});
