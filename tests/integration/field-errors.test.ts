import { describe, expect, it } from 'vitest';
import { baseProfile, startAssessment } from '../helpers/assessment';
import { Browser, signUp } from '../helpers/browser';

/** The HTML of one profile question's block: its label or legend, its input, its error. */
const questionBlock = (body: string, id: string) =>
	body.slice(
		body.indexOf(`id="q-${id}"`),
		body.indexOf('<div class="field"', body.indexOf(`id="q-${id}"`) + 1)
	);

describe('a form refused on the server says what is wrong beside the field, in the reader’s language', () => {
	for (const [lang, legend, says] of [
		['zh', '业务条线', '请至少选择一项。'],
		['en', 'Business lines', 'Choose at least one.']
	] as const) {
		it(`shows a checkbox group's error next to the group (${lang})`, async () => {
			const browser = new Browser(undefined, { lang });
			const { orgId } = await signUp(browser);
			const base = await startAssessment(browser, orgId);
			const { business_lines: _none, ...rest } = baseProfile;
			const page = await browser.post(`${base}/profile`, { version: '0', ...rest });
			expect(page.status).toBe(400);
			const block = questionBlock(page.body, 'business_lines');
			expect(block).toContain(legend);
			expect(block).toMatch(new RegExp(`role="alert"[^>]*>${says}<`));
			expect(block).toContain('aria-describedby="e-business_lines"');
		});
	}

	it('names no internal key to the reader of the settings form (en and zh)', async () => {
		for (const [lang, label, says] of [
			['en', 'Organisation name', 'This field is required.'],
			['zh', '机构名称', '此项必填。']
		] as const) {
			const owner = new Browser(undefined, { lang });
			const { orgId } = await signUp(owner);
			const page = await owner.post(`/o/${orgId}/settings?/organisation`, {
				name: '',
				registeredName: '',
				businessScope: ''
			});
			expect(page.status).toBe(400);
			const field = page.body.slice(page.body.indexOf('for="field-name"'));
			expect(field.slice(0, 600)).toContain(label);
			expect(field.slice(0, 900)).toContain(says);
		}
	});
});
