import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { enterMailedCode, launchChromium, screenshot } from '../helpers/chromium';
import { uniqueEmail, PASSWORD } from '../helpers/browser';
import { pdfText, squash } from '../helpers/pdf';

let browser: Browser;
const baseUrl = () => inject('baseUrl');

beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

const shot = (page: Page, name: string) => screenshot(page, `consultant-${name}.png`);

async function signUp(
	page: Page,
	fields: { name: string; orgName?: string; kind?: string; email?: string }
) {
	// Hydrated first, so the bound select keeps the kind chosen.
	await page.waitForLoadState('networkidle');
	await page.getByLabel('Name', { exact: true }).fill(fields.name);
	const email = fields.email ?? uniqueEmail('journey');
	await page.getByLabel('Email', { exact: true }).fill(email);
	await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
	if (fields.orgName) await page.getByLabel('Organisation name').fill(fields.orgName);
	if (fields.kind) await page.getByLabel('Kind of organisation').selectOption(fields.kind);
	await page.getByRole('button', { name: 'Sign up' }).click();
	await enterMailedCode(page, email);
}

/** The same answers the firm's journey gives: a small tech company, no sensitive activity. */
async function fillProfile(page: Page) {
	await page.check('input[name=org_type][value=tech_company]');
	await page.fill('#f-registered_name', '上海浦江数字科技有限公司');
	await page.fill('#f-business_scope', '软件开发');
	await page.check('input[name=business_lines][value=tech_services]');
	await page.check('input[name=personal_information][value=under_100k]');
	for (const flag of [
		'cross_border_data',
		'client_funds',
		'retail_customers',
		'elderly_customers',
		'ftz_lingang'
	]) {
		await page.check(`input[name=${flag}][value=false]`);
	}
	await page.check('input[name=target_sandbox][value=pboc_joint]');
	await page.getByRole('button', { name: 'Save profile' }).click();
	await page.waitForURL(/\/questionnaire$/);
}

async function answer(page: Page, itemId: string, status: string) {
	const item = page.locator(`article#${itemId}`);
	await item.getByLabel(status, { exact: true }).check();
	await expect.poll(() => item.locator('.save-state').innerText()).toBe('Saved');
}

async function download(page: Page, href: string): Promise<{ name: string; bytes: Buffer }> {
	// Every download is in the result page's one menu.
	await page.getByRole('button', { name: 'Export and import' }).click();
	const item = page.locator(`[role=menuitem][href$="${href}"]`);
	// A report is rendered on first download: on a loaded machine that can take longer than the
	// default 30 s the event is waited for.
	const [file] = await Promise.all([
		page.waitForEvent('download', { timeout: 90_000 }),
		item.click()
	]);
	// Choosing closes the menu; the next download opens it afresh.
	await page.getByRole('menu').waitFor({ state: 'hidden' });
	const path = await file.path();
	return { name: file.suggestedFilename(), bytes: fs.readFileSync(path) };
}

describe('a consultancy in a real browser', () => {
	it('runs a client assessment from sign-up to review, reports, next year and comparison', async () => {
		const consultant = await browser.newContext({ locale: 'en-GB', baseURL: baseUrl() });
		const page = await consultant.newPage();

		// The consultant signs up a consultancy.
		await page.goto('/signup');
		await signUp(page, { name: 'Li Na', orgName: 'Bund Compliance Advisory', kind: 'consultancy' });
		await page.waitForURL(/\/o\/[0-9a-f-]{36}$/);
		expect(await page.locator('.eyebrow').first().innerText()).toContain('Consultancy');
		const orgUrl = new URL(page.url()).pathname;

		// Creates a client.
		await page.getByRole('navigation').getByRole('link', { name: 'Clients' }).first().click();
		await page.waitForURL(/\/clients$/);
		await page.getByLabel('Name', { exact: true }).fill('Pujiang Digital');
		await page.getByLabel('Registered name').fill('上海浦江数字科技有限公司');
		await page.getByRole('button', { name: 'Add a client' }).click();
		await page.waitForURL(/\/clients\/[0-9a-f-]{36}$/);
		const clientUrl = new URL(page.url()).pathname;
		await shot(page, 'client');

		// Starts an assessment for it and fills the profile.
		await page.getByLabel('Title').fill('Pujiang 2026');
		await page.getByRole('button', { name: 'Start an assessment' }).click();
		await page.waitForURL(/\/profile$/);
		const assessmentUrl = new URL(page.url()).pathname.replace(/\/profile$/, '');
		await fillProfile(page);

		// Invites a respondent for that client's assessment and copies the link from the page.
		await page.goto(clientUrl);
		await page.getByLabel('Assessment', { exact: true }).selectOption({ label: 'Pujiang 2026' });
		// An invitation is for one address: only an account with it may accept.
		const respondentEmail = uniqueEmail('zhou');
		await page.getByLabel('Invitee’s email').fill(respondentEmail);
		await page.getByRole('button', { name: 'Send invitation' }).click();
		const link = await page.getByLabel('Invitation link').inputValue();
		expect(link).toMatch(/\/invite\/[a-z2-7]+$/);
		await shot(page, 'invitation');

		// The respondent, in a second browser, signs up through the link and joins.
		const respondentContext = await browser.newContext({ locale: 'en-GB', baseURL: baseUrl() });
		const respondent = await respondentContext.newPage();
		await respondent.goto(new URL(link).pathname);
		expect(await respondent.locator('main').innerText()).toContain('Pujiang Digital');
		await respondent.getByRole('main').getByRole('link', { name: 'Sign up' }).click();
		await respondent.waitForURL(/\/signup\?next=/);
		await signUp(respondent, { name: 'Zhou Min', email: respondentEmail });
		await respondent.waitForURL(/\/invite\//);
		await respondent.getByRole('button', { name: 'Accept invitation' }).click();
		await respondent.waitForURL(new RegExp(`${orgUrl}$`));
		// They see their client's assessment only, no clients or members.
		await expect.poll(() => respondent.locator('nav.orgnav').innerText()).not.toContain('Clients');
		await respondent.getByRole('link', { name: 'Pujiang 2026' }).click();
		await respondent.goto(`${assessmentUrl}/questionnaire`);
		await answer(respondent, 'LIC-001', 'Partially compliant');
		await answer(respondent, 'LIC-002', 'Non-compliant');
		await shot(respondent, 'respondent-questionnaire');
		await respondent.getByRole('link', { name: 'Review', exact: true }).click();
		await respondent.getByRole('button', { name: 'Submit for review' }).click();
		await expect.poll(() => respondent.locator('.state').first().innerText()).toMatch(/review/i);

		// The consultant comments on an item, accepts it, and finalises.
		await page.goto(`${assessmentUrl}/review`);
		// The review list's own link (the finalise confirmation lists the item too).
		await page
			.locator('[data-item-row="LIC-001"]')
			.getByRole('link', { name: 'LIC-001', exact: true })
			.click();
		await page.waitForURL(/\/items\/LIC-001/);
		await page.getByLabel('Add a comment').fill('Attach the licence application receipt.');
		await page.getByRole('button', { name: 'Add a comment' }).click();
		await expect
			.poll(() => page.locator('ul.comments').innerText())
			.toContain('Attach the licence application receipt.');
		await page.getByRole('button', { name: 'Accept', exact: true }).click();
		await expect.poll(() => page.locator('#review').innerText()).toContain('Li Na');
		// Sends LIC-002 back: the item, then the whole assessment.
		await page.goto(`${assessmentUrl}/items/LIC-002`);
		await page.locator('#review').getByRole('button', { name: 'Request changes' }).click();
		await expect.poll(() => page.locator('#review').innerText()).toContain('Li Na');
		await page.goto(`${assessmentUrl}/review`);
		expect(await page.locator('main').innerText()).toContain('1 accepted · 1 to change');
		await page.locator('.review-actions').getByRole('button', { name: 'Request changes' }).click();
		await expect.poll(() => page.locator('.assessment-head .state').innerText()).toBe('Draft');

		// The respondent changes that answer and submits again; its old decision no longer counts.
		await respondent.goto(`${assessmentUrl}/questionnaire`);
		await answer(respondent, 'LIC-002', 'Partially compliant');
		await respondent.getByRole('link', { name: 'Review', exact: true }).click();
		await respondent.getByRole('button', { name: 'Submit for review' }).click();
		await expect.poll(() => respondent.locator('.state').first().innerText()).toMatch(/review/i);

		await page.goto(`${assessmentUrl}/review`);
		expect(await page.locator('main').innerText()).toContain('1 accepted · 0 to change');
		// Other items are still open: the confirmation lists them and asks who answers for them.
		expect(await page.locator('.finalise-guard').innerText()).toContain('Unanswered');
		await page.getByLabel('Owner (answers for the open items)').fill('Li Na');
		await page.getByLabel('Reason for finalising').fill('Pre-check of the licence domain only.');
		await page.getByRole('button', { name: 'Finalise all the same' }).click();
		// Finalising issues the reports before it answers (see teamwork.test.ts).
		await expect
			.poll(() => page.locator('.assessment-head').innerText(), { timeout: 90_000 })
			.toContain('answers locked');
		await shot(page, 'review-final');

		// Answers are locked, for the respondent as for the consultant.
		await respondent.goto(`${assessmentUrl}/questionnaire`);
		const locked = respondent.locator('article#LIC-001 input[name=status][value=partial]');
		expect(await locked.isChecked()).toBe(true);
		expect(await locked.isDisabled()).toBe(true);
		expect(await respondent.locator('.assessment-head').innerText()).toContain('answers locked');
		await respondentContext.close();

		// The consultant downloads the PDF report and the XLSX action plan from the result page.
		await page.getByRole('link', { name: 'Result', exact: true }).click();
		await page.waitForURL(/\/result$/);
		const gaps = await page.locator('ol.gaps details.gap-row summary code').allInnerTexts();
		expect(gaps).toContain('LIC-001');
		expect(gaps).toContain('LIC-002');
		await shot(page, 'result');

		const pdf = await download(page, '/report.pdf?lang=en');
		expect(pdf.name).toMatch(/\.pdf$/);
		expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
		const text = squash(pdfText(pdf.bytes));
		expect(text).toContain(squash('Pujiang 2026'));
		for (const id of ['LIC-001', 'LIC-002']) expect(text).toContain(squash(id));

		const xlsx = await download(page, '/action-plan.xlsx?lang=en');
		expect(xlsx.name).toMatch(/\.xlsx$/);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(xlsx.bytes as unknown as ExcelJS.Buffer);
		const sheet = workbook.worksheets[0]!;
		expect(sheet.getRow(1).getCell(1).value).toBe('Item');
		const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) =>
			String(sheet.getRow(i + 2).getCell(1).value)
		);
		expect(rows).toEqual(gaps);

		// Next year's assessment starts from this one; its carried-over answers wait to be confirmed.
		await page.getByLabel('Title of the new assessment (optional)').fill('Pujiang 2027');
		await page.getByRole('button', { name: 'Start next assessment from this one' }).click();
		await page.waitForURL(/\/questionnaire$/);
		const nextUrl = new URL(page.url()).pathname.replace(/\/questionnaire$/, '');
		expect(nextUrl).not.toBe(assessmentUrl);
		expect(await page.locator('h1').innerText()).toBe('Pujiang 2027');
		const carried = page.locator('.carried-over:has(input[name=itemId][value=LIC-001])');
		expect(await carried.innerText()).toContain('Carried over, confirm');
		expect(
			await page.locator('article#LIC-001 input[name=status][value=partial]').isChecked()
		).toBe(true);
		await shot(page, 'carried-over');
		// Confirming the answer takes its mark away.
		await carried.getByRole('button', { name: 'Confirm' }).click();
		await expect.poll(() => carried.count()).toBe(0);
		expect(await page.locator('.carried-over:has(input[value=LIC-002])').count()).toBe(1);

		// And the comparison between the two.
		await page.getByRole('link', { name: 'Result', exact: true }).click();
		await page.getByRole('link', { name: 'Compare with the previous assessment' }).click();
		await page.waitForURL(new RegExp(`${nextUrl}/compare/[0-9a-f-]{36}$`));
		const comparison = await page.locator('main').innerText();
		expect(comparison).toContain('Pujiang 2026');
		expect(comparison).toContain('By domain');
		await shot(page, 'compare');
		await consultant.close();
	});

	it('keeps a kind of organisation chosen before the sign-up page hydrated', async () => {
		const context = await browser.newContext({ locale: 'en-GB', baseURL: baseUrl() });
		const page = await context.newPage();
		// The page's scripts are held back while the consultant fills the server-rendered form.
		let release!: () => void;
		const held = new Promise<void>((resolve) => (release = resolve));
		await page.route('**/_app/**/*.js', async (route) => {
			await held;
			await route.continue();
		});
		await page.goto('/signup', { waitUntil: 'domcontentloaded' });
		await page.getByLabel('Kind of organisation').selectOption('consultancy');
		await page.getByLabel('Name', { exact: true }).fill('Early Bird');
		release();
		await page.waitForLoadState('networkidle');
		const early = uniqueEmail('early');
		await page.getByLabel('Email', { exact: true }).fill(early);
		await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
		await page.getByLabel('Organisation name').fill('Early Advisory');
		expect(await page.getByLabel('Kind of organisation').inputValue()).toBe('consultancy');
		await page.getByRole('button', { name: 'Sign up' }).click();
		await enterMailedCode(page, early);
		await page.waitForURL(/\/o\/[0-9a-f-]{36}$/);
		expect(await page.locator('.eyebrow').first().innerText()).toContain('Consultancy');
		await context.close();
	});
});
