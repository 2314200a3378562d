import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { PASSWORD, uniqueEmail } from '../helpers/browser';
import { enterMailedCode, launchChromium, screenshot } from '../helpers/chromium';
import { totpCode } from '../helpers/totp';

let browser: Browser;
beforeAll(async () => {
	browser = await launchChromium();
});
afterAll(async () => {
	await browser?.close();
});

describe('two-factor in a real browser', () => {
	it('signs up, verifies the address, sets up two-factor, and logs in with a code', async () => {
		const context = await browser.newContext({ locale: 'en-GB', baseURL: inject('baseUrl') });
		const page = await context.newPage();
		const email = uniqueEmail('totp');
		await page.goto('/signup');
		await page.waitForLoadState('networkidle');
		await page.getByLabel('Name', { exact: true }).fill('Li Na');
		await page.getByLabel('Email', { exact: true }).fill(email);
		await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
		await page.getByLabel('Organisation name').fill('Pujiang Digital');
		await page.getByRole('button', { name: 'Sign up' }).click();
		await enterMailedCode(page, email);
		await page.waitForURL(/\/o\/[0-9a-f-]{36}$/);
		const orgUrl = new URL(page.url()).pathname;

		await page.goto('/account/two-factor');
		await expect.poll(() => page.locator('figure.qr svg').count()).toBe(1);
		await screenshot(page, 'two-factor-setup.png');
		const key = decodeBase32IgnorePadding(
			(await page.locator('code.key').innerText()).replace(/\s/g, '')
		);
		// The code the app shows now turns it on, and is used up by that.
		const firstCode = generateTOTP(key, 30, 6);
		// Turning it on asks for the password again: an open session alone is not enough.
		await page.getByLabel('Current password', { exact: true }).fill('not the password');
		await page.getByLabel('Code', { exact: true }).fill(firstCode);
		await page.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
		await expect.poll(() => page.getByText('The current password is wrong.').count()).toBe(1);
		expect(await page.locator('.recovery-codes li').count()).toBe(0);
		await page.getByLabel('Current password', { exact: true }).fill(PASSWORD);
		await page.getByLabel('Code', { exact: true }).fill(firstCode);
		await page.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
		await expect.poll(() => page.locator('.recovery-codes li').count()).toBe(8);

		await page.getByRole('button', { name: 'Log out' }).first().click();
		await page.waitForURL(/\/login/);
		await page.getByLabel('Email', { exact: true }).fill(email);
		await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
		await page.getByRole('button', { name: 'Log in' }).last().click();
		await page.waitForURL(/\/two-factor/);
		// The code that turned it on is used up: typed again, refused. (The code, not the app's code of
		// the moment: the clock may have passed into the next 30-second step since.)
		await page.getByLabel('Code or recovery code').fill(firstCode);
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect.poll(() => page.getByText('This code has already been used').count()).toBe(1);
		expect(new URL(page.url()).pathname).toBe('/two-factor');
		// The app's next code gets in.
		await page.getByLabel('Code or recovery code').fill(totpCode(key, 1));
		await page.getByRole('button', { name: 'Continue' }).click();
		await page.waitForURL(new RegExp(`${orgUrl}$`));
		await expect.poll(() => page.getByRole('heading', { level: 1 }).count()).toBe(1);
		await context.close();
	});
});
