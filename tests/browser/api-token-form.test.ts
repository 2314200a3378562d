import { describe, expect, it, inject } from 'vitest';
import { contextAs, useChromium } from '../helpers/chromium';
import { Browser, PASSWORD, signUp } from '../helpers/browser';
import { Api } from '../helpers/api';

/*
 * Making an API token from the organisation's settings in real Chromium: the owner proves it is
 * them (their password), a wrong one is refused beside the field, the token is shown once, and
 * the password does not stay in the page.
 */

const chromium = useChromium();
const baseUrl = () => inject('baseUrl');

describe('the API token form in the settings', () => {
	it('refuses a wrong password beside the field, then shows the token once and forgets the password', async () => {
		const owner = new Browser(baseUrl(), { lang: 'zh' });
		const { orgId } = await signUp(owner, { orgName: '令牌表单测试有限公司' });
		const context = await contextAs(chromium(), baseUrl(), owner, 'zh');
		try {
			const page = await context.newPage();
			await page.goto(`/o/${orgId}/settings`);
			await page.waitForLoadState('networkidle');
			const form = page.locator('form[action="?/createToken"]');
			await form.locator('input[name=name]').fill('报送脚本');
			const password = form.locator('input[name=currentPassword]');
			await password.fill('not my password');
			await form.locator('button[type=submit]').click();
			const refusal = form.locator('[role=alert], .error').first();
			await expect.poll(() => refusal.textContent()).toContain('密码');
			expect(await page.locator('#api-token-value').count()).toBe(0);
			// What was typed in the name stays; the password must be typed again.
			expect(await form.locator('input[name=name]').inputValue()).toBe('报送脚本');

			await password.fill(PASSWORD);
			await form.locator('button[type=submit]').click();
			const shown = page.locator('#api-token-value');
			await expect.poll(() => shown.count()).toBe(1);
			const token = await shown.inputValue();
			expect(token).toMatch(/^sr_[a-z2-7]{52}$/);
			expect(await password.inputValue()).toBe('');
			await expect.poll(() => page.locator('table').textContent()).toContain('报送脚本');

			// The token shown works, and a reload never shows it again.
			const listed = await new Api(token, baseUrl()).get('/assessments');
			expect(listed.status).toBe(200);
			await page.reload();
			expect(await page.locator('#api-token-value').count()).toBe(0);
			expect(await page.content()).not.toContain(token);
		} finally {
			await context.close();
		}
	});
});
