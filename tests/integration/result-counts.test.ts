import { describe, expect, it } from 'vitest';
import { saveAnswer, saveProfile, startAssessment } from '../helpers/assessment';
import { Browser, signUp } from '../helpers/browser';

describe('the result page’s figures', () => {
	it('says as many items remain as the progress bar leaves, and offers the comparison once', async () => {
		const browser = new Browser(undefined, { lang: 'zh' });
		const { orgId } = await signUp(browser);
		const first = await startAssessment(browser, orgId, '2025 自评');
		await saveProfile(browser, first, 0);
		expect((await saveAnswer(browser, first, 'LIC-001', 0, { status: 'compliant' })).status).toBe(
			200
		);
		const next = await browser.post(`/o/${orgId}/assessments?/next`, {
			previousId: first.split('/').pop()!,
			title: ''
		});
		expect(next.status).toBe(303);
		const base = next.location!.replace(/\/questionnaire$/, '');

		const page = await browser.get(`${base}/result`);
		expect(page.status).toBe(200);
		const [, answered, applicable] = page.text.match(/已作答 (\d+) \/ (\d+)/) ?? [];
		const [, remaining] = page.text.match(/还有 (\d+) 个检查项未作答/) ?? [];
		expect(Number(applicable)).toBeGreaterThan(0);
		expect(Number(remaining)).toBe(Number(applicable) - Number(answered));
		// The questionnaire's own bar counts the same items.
		const questionnaire = await browser.get(`${base}/questionnaire`);
		expect(questionnaire.text).toContain(applicable);

		const compareLinks = page.body.match(/href="[^"]*\/compare\/[0-9a-f-]{36}"/g) ?? [];
		expect(compareLinks).toHaveLength(1);
	});
});
