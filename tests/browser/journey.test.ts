import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Browser } from 'playwright-core';
import { enterMailedCode, launchChromium, screenshot } from '../helpers/chromium';
import { uniqueEmail, PASSWORD } from '../helpers/browser';

let browser: Browser;
const baseUrl = () => inject('baseUrl');

beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

describe('a firm in a real browser', () => {
	it('signs up, fills the profile, answers with autosave, sees the result', async () => {
		const context = await browser.newContext({ locale: 'zh-CN', baseURL: baseUrl() });
		const page = await context.newPage();
		await page.goto('/signup');
		await page.fill('#field-name', '王芳');
		const email = uniqueEmail('browser');
		await page.fill('#field-email', email);
		await page.fill('#field-password', PASSWORD);
		await page.fill('#field-orgName', '上海浦江数字科技有限公司');
		await page.click('button[type=submit]:has-text("注册")');
		await enterMailedCode(page, email);
		await page.waitForURL(/\/o\/[0-9a-f-]{36}$/);
		await screenshot(page, 'org-home.png');

		await page.click('a:has-text("评估")');
		await page.fill('#field-title', '2026 自评');
		await page.click('button:has-text("开始新的评估")');
		await page.waitForURL(/\/profile$/);

		await page.check('input[name=org_type][value=tech_company]');
		await page.fill('#f-registered_name', '上海某某财富管理有限公司');
		// Checked as the firm types, before anything is saved.
		await expect.poll(() => page.locator('.findings').innerText()).toContain('财富管理');
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
		await screenshot(page, 'profile.png');
		await page.click('button:has-text("保存基本信息")');
		await page.waitForURL(/\/questionnaire$/);

		const item = page.locator('article#LIC-001');
		await item.locator('input[name=status][value=partial]').check();
		await expect.poll(() => item.locator('.save-state').innerText()).toBe('已保存');
		// The overall bar moves as the answer is saved.
		await expect
			.poll(() => page.locator('.domain-list .progress-label').first().innerText())
			.toMatch(/已答 1 \//);
		await item.locator('textarea[name=note]').fill('牌照申请材料已提交');
		await expect
			.poll(() => item.locator('.save-state').innerText(), { timeout: 10_000 })
			.toBe('已保存');
		await screenshot(page, 'questionnaire.png');

		await page.reload();
		expect(
			await page.locator('article#LIC-001 input[name=status][value=partial]').isChecked()
		).toBe(true);
		expect(await page.locator('article#LIC-001 textarea[name=note]').inputValue()).toBe(
			'牌照申请材料已提交'
		);

		await page.click('nav.tabs a:has-text("结果")');
		await page.waitForURL(/\/result$/);
		expect(await page.locator('.verdict-panel').innerText()).toContain('暂不评定');
		await screenshot(page, 'result.png');
		await context.close();
	});

	it('switches the language and keeps it', async () => {
		const context = await browser.newContext({ locale: 'zh-CN', baseURL: baseUrl() });
		const page = await context.newPage();
		await page.goto('/login');
		expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
		await page.click('.lang-switch button');
		await page.waitForURL(/\/login$/);
		expect(await page.locator('h1').innerText()).toBe('Log in to Sandbox Readiness');
		expect(await page.locator('html').getAttribute('lang')).toBe('en');
		await page.goto('/signup');
		expect(await page.locator('h1').innerText()).toBe('Create an account');
		await context.close();
	});

	it('shows the library: a provision beside its summary, its conflict and the items that test it', async () => {
		const context = await browser.newContext({ locale: 'en-GB', baseURL: baseUrl() });
		const page = await context.newPage();
		await page.goto('/library/provisions/ifcr2024.a50.p3');
		const text = await page.locator('main').innerText();
		expect(text).toContain('经营主体不得在名称、经营范围中使用具有金融属性的字样');
		expect(text).toContain('NAM-001');
		await screenshot(page, 'library-provision.png');
		await page.goto('/library/items?domain=licensing');
		await screenshot(page, 'library-items.png');
		await context.close();
	});
});
