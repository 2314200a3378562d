import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { saveProfile, startAssessment } from '../helpers/assessment';
import { Browser, signUp } from '../helpers/browser';
import { contextAs, screenshot, useChromium } from '../helpers/chromium';
import { inviteMember, joinByInvitation } from '../helpers/consultancy';

/*
 * Two people fill in the filing pack's form at once, each in a real browser with JavaScript (the
 * form saves through superforms' enhance). The one who saves second is told what the other saved,
 * and nothing either of them typed is lost. tests/integration/filing-pack.test.ts checks the same
 * without JavaScript.
 */

const chromium = useChromium();
const baseUrl = () => inject('baseUrl');

/** The pack page, hydrated (its form saves through fetch from then on). */
async function openPack(page: Page, base: string) {
	await page.goto(`${base}/pack`);
	await page.waitForLoadState('networkidle');
}

const field = (page: Page, name: string) => page.locator(`#field-${name}`);
const save = (page: Page) => page.locator('form[action="?/save"] button[type=submit]').click();
const notice = (page: Page) =>
	page.locator('form[action="?/save"]').locator('..').locator('.notice');

describe('the pack form edited in two browsers', () => {
	it('tells the second to save what the first saved, and loses neither’s text', async () => {
		const owner = new Browser(undefined, { lang: 'zh' });
		const { orgId } = await signUp(owner);
		const base = await startAssessment(owner, orgId);
		expect((await saveProfile(owner, base, 0)).status).toBe(303);
		const colleague = await joinByInvitation(await inviteMember(owner, orgId, 'consultant'), 'zh');

		const first = await contextAs(chromium(), baseUrl(), owner, 'zh');
		const second = await contextAs(chromium(), baseUrl(), colleague, 'zh');
		try {
			const a = await first.newPage();
			const b = await second.newPage();
			// Both open the form at the same version.
			await openPack(a, base);
			await openPack(b, base);

			// The first fills in the service name and the channels and saves.
			await field(a, 'service_name').fill('跨境汇款对账服务');
			await field(a, 'channels').fill('企业网银、开放 API');
			await save(a);
			await expect.poll(() => notice(a).textContent()).toContain('已保存');

			// The second, on the page opened before, types their own service name and the hours.
			await field(b, 'service_name').fill('区块链对账服务');
			await field(b, 'service_hours').fill('工作日 9:00–17:00');
			await save(b);
			await expect.poll(() => notice(b).textContent()).toContain('已有他人保存了申报信息');
			const refusal = (await notice(b).textContent()) ?? '';
			expect(refusal).toContain('服务名称');
			await screenshot(b, 'pack-form-conflict.png');

			// What the second typed is still in their form…
			expect(await field(b, 'service_name').inputValue()).toBe('区块链对账服务');
			expect(await field(b, 'service_hours').inputValue()).toBe('工作日 9:00–17:00');
			// …what the first saved is shown beside the field both changed…
			await expect
				.poll(() => b.locator('#field-service_name-note').textContent())
				.toContain('跨境汇款对账服务');
			// …and a field only the first changed now holds the first's text, not the stale empty one,
			// and the refusal says so.
			expect(await field(b, 'channels').inputValue()).toBe('企业网银、开放 API');
			expect(refusal).toContain('服务渠道已改为他人保存的内容');
			expect(await b.locator('#field-channels-note').count()).toBe(0);

			// Saved again, knowingly: the second's name and hours, the first's channels.
			await save(b);
			await expect.poll(() => notice(b).textContent()).toContain('已保存');
			await openPack(a, base);
			expect(await field(a, 'service_name').inputValue()).toBe('区块链对账服务');
			expect(await field(a, 'channels').inputValue()).toBe('企业网银、开放 API');
			expect(await field(a, 'service_hours').inputValue()).toBe('工作日 9:00–17:00');

			// Changes to different fields meet without a refusal: the first, on the page they had
			// before the second's save, sets the target users; both saves are kept.
			await field(a, 'target_users').fill('中小企业财务人员');
			await openPack(b, base);
			await field(b, 'user_scale').fill('不超过 2 000 家企业');
			await save(b);
			await expect.poll(() => notice(b).textContent()).toContain('已保存');
			await save(a);
			await expect
				.poll(() => notice(a).textContent())
				.toContain('他人在此期间保存的用户规模也已一并保留');
			expect(await field(a, 'user_scale').inputValue()).toBe('不超过 2 000 家企业');
			await openPack(b, base);
			expect(await field(b, 'target_users').inputValue()).toBe('中小企业财务人员');
			expect(await field(b, 'user_scale').inputValue()).toBe('不超过 2 000 家企业');
			expect(await field(b, 'service_name').inputValue()).toBe('区块链对账服务');
		} finally {
			await first.close();
			await second.close();
		}
	});
});
