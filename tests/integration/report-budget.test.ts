import { seedsCorpus } from '../../src/lib/corpus/seeds-corpus';
import { describe, expect, it } from 'vitest';
import { Api, createTokenInSettings } from '../helpers/api';
import { baseProfile, saveAnswer, saveProfile, startAssessment } from '../helpers/assessment';
import { Browser, signUp } from '../helpers/browser';
import { evaluateAssessment } from '../../src/lib/domain/result';
import type { Profile } from '../../src/lib/domain/profile';

const corpus = seedsCorpus();
/** The base profile as the profile form stores it: yes/no answers as booleans. */
const stored: Profile = Object.fromEntries(
	Object.entries(baseProfile).map(([k, v]) => [k, v === 'true' ? true : v === 'false' ? false : v])
);

/**
 * A report whose typed text would run to hundreds of pages is refused before it is rendered
 * (src/lib/server/documents/pdf/page-budget.ts), saying so and what to do, in the reader's language.
 */
describe('the gap report page budget', () => {
	it('refuses a report of 15 notes of 5,000 Chinese characters with 422 naming the items, web and API', async () => {
		const browser = new Browser(undefined, { lang: 'en' });
		const { orgId } = await signUp(browser);
		const base = await startAssessment(browser, orgId);
		await saveProfile(browser, base, 0);
		const items = evaluateAssessment(corpus, 'x', stored, []).result.applicable.slice(0, 15);
		expect(items).toHaveLength(15);
		const note = '数据安全管理制度已制定并经董事会批准'.repeat(300).slice(0, 5000);
		for (const itemId of items)
			expect((await saveAnswer(browser, base, itemId, 0, { status: 'partial', note })).status).toBe(
				200
			);

		const refused = await browser.get(`${base}/report.pdf?lang=zh&edition=full`);
		expect(refused.status).toBe(422);
		expect(refused.headers.get('content-type')).toContain('text/plain');
		expect(refused.text).toMatch(
			/would fill about \d+ pages, over the limit of 100 pages per gap report, so the gap report was not generated/
		);
		expect(refused.text).toContain('Shorten those notes');
		const named = refused.text.match(/The items with the most text: ([A-Z0-9, -]+)\./)![1]!;
		expect(named.split(', ').every((id) => items.includes(id))).toBe(true);

		const zh = new Browser(browser.baseUrl, { address: browser.address, lang: 'zh' });
		for (const [k, v] of browser.cookies) if (k !== 'lang') zh.cookies.set(k, v);
		const inChinese = await zh.get(`${base}/report.pdf?lang=en&edition=full`);
		expect(inChinese.status).toBe(422);
		expect(inChinese.text).toContain('超过每份差距报告 100 页的上限，因此未生成差距报告');

		const api = new Api(await createTokenInSettings(browser, orgId));
		const fromApi = await api.get(
			`/assessments/${base.split('/').pop()}/report.pdf?lang=both&edition=full`
		);
		expect(fromApi.status).toBe(422);
		expect(fromApi.json.error.code).toBe('report_too_long');

		// Shortened, it renders.
		for (const itemId of items)
			await saveAnswer(browser, base, itemId, 1, { status: 'partial', note: note.slice(0, 200) });
		expect((await browser.download(`${base}/report.pdf?lang=zh&edition=full`)).status).toBe(200);
	});
});
