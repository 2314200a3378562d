import { describe, expect, it } from 'vitest';
import { Browser, signUp } from '../helpers/browser';
import { saveAnswer, saveProfile, startAssessment } from '../helpers/assessment';

// What the item's card tells a firm (in full on the item's page; the questionnaire loads the same
// reading when a section is opened, tests/integration/questionnaire-page.test.ts): why it is asked, what counts as
// compliant, and the national rules behind it, with an unchecked article never shown as authority.
const wealthApp = {
	registered_name: '上海浦江财富管理科技有限公司',
	business_lines: ['wealth_management', 'robo_advice'],
	personal_information: '100k_to_1m',
	personal_information_role: 'controller',
	client_funds: 'true',
	target_sandbox: 'none'
};

async function wealthAppAssessment(lang: 'zh' | 'en') {
	const browser = new Browser(undefined, { lang });
	const { orgId } = await signUp(browser);
	const base = await startAssessment(browser, orgId);
	expect((await saveProfile(browser, base, 0, wealthApp)).status).toBe(303);
	return { browser, base };
}

describe('the questionnaire card', () => {
	it('says why the item is asked, what counts as compliant, and how far each national rule was checked (zh)', async () => {
		const { browser, base } = await wealthAppAssessment('zh');
		const page = await browser.get(`${base}/items/FND-001`);
		expect(page.status).toBe(200);
		const card = page.text.slice(page.text.indexOf('FND-001'));
		expect(card).toContain('适用于：是否接触或归集客户资金：是');
		expect(card).toContain('判断标准');
		expect(card).toContain('客户资金与自有资金混用，或经股东、员工个人账户收付。');
		// The verified article of the State Council regulation, and the PBOC order still to confirm.
		expect(card).toContain(
			'非银行支付机构监督管理条例 第二十七条第三款、第二十九条第一款 条款已核验'
		);
		expect(card).toMatch(/非银行支付机构客户备付金存管办法[^\n]*待核实条款（名称已核验）/);
		// Its quotes only encourage: the card says the duty comes from the national rules.
		expect(card).toContain('本项的约束力来自下列国家法律法规');
		expect(card).toContain('仅为鼓励或允许，不构成强制要求');
	});

	it('says the same in English', async () => {
		const { browser, base } = await wealthAppAssessment('en');
		const page = await browser.get(`${base}/items/FND-001`);
		expect(page.status).toBe(200);
		const card = page.text.slice(page.text.indexOf('FND-001'));
		expect(card).toContain('Applies when: Do you hold or route customer funds: yes');
		expect(card).toContain('What counts as compliant');
		expect(card).toContain('article to be confirmed (title checked)');
		expect(card).toContain('This item binds through the national rules below');
	});

	it('lists a good practice not adopted as “not yet in place” with the action plan, never “non-compliant”', async () => {
		const { browser, base } = await wealthAppAssessment('en');
		const saved = await saveAnswer(browser, base, 'LIC-005', 0, { status: 'non_compliant' });
		expect(saved.status).toBeLessThan(400);
		// The result page counts it and links to the list, on the action plan's page.
		const result = await browser.get(`${base}/result`);
		expect(result.text).toContain('Good-practice items that could be improved: 1');
		expect(result.body).toContain(`href="${base}/result/action-plan#good-practice"`);
		const plan = await browser.get(`${base}/result/action-plan`);
		const section = plan.text.slice(plan.text.indexOf('Policy alignment and good practice'));
		expect(section).toMatch(/Not yet in place\s+LIC-005/);
		expect(section.slice(0, section.indexOf('LIC-005'))).not.toContain('Non-compliant');
	});
});
