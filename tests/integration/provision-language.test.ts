import { seedsCorpus } from '../../src/lib/corpus/seeds-corpus';
import { describe, expect, it } from 'vitest';
import { Browser, signUp } from '../helpers/browser';
import { saveProfile, startAssessment } from '../helpers/assessment';

/*
 * A provision under an item (questionnaire, item page, result) is quoted in Chinese, the law's own
 * words, in both interfaces; its English summary is for the English interface only, so that the
 * Chinese interface reads as Chinese (as the profile's findings already did).
 */

const VERBATIM = '经营主体不得在名称、经营范围中使用具有金融属性的字样';
const SUMMARY = 'no business entity may use words with a financial character';
const corpus = seedsCorpus();
const provision = corpus.provisions.find((p) => p.text_zh.includes(VERBATIM))!;
/** An item quoting it, read on its own page (the questionnaire loads the quotes when opened). */
const itemId = corpus.items.find((i) => i.provisions.includes(provision.id))!.id;

describe('a provision under an item', () => {
	it('shows its English summary in the English interface only', async () => {
		const owner = new Browser(undefined, { lang: 'zh' });
		const { orgId } = await signUp(owner, { orgName: '条文语言测试有限公司' });
		const base = await startAssessment(owner, orgId, '条文语言 2026');
		expect((await saveProfile(owner, base, 0)).status).toBe(303);

		const zh = await owner.get(`${base}/items/${itemId}`);
		expect(zh.status).toBe(200);
		expect(zh.text).toContain(VERBATIM);
		expect(zh.text).not.toContain(SUMMARY);

		owner.cookies.set('lang', 'en');
		const en = await owner.get(`${base}/items/${itemId}`);
		expect(en.status).toBe(200);
		expect(en.text).toContain(VERBATIM);
		expect(en.text).toContain(SUMMARY);
	});
});
