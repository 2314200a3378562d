import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/lib/corpus/load';
import { corpusPaths } from '../../src/lib/corpus/paths';
import { Browser, signUp } from '../helpers/browser';
import { saveProfile, startAssessment } from '../helpers/assessment';

/*
 * The questionnaire sends each item's card and answer; the reading behind a question (guidance,
 * evidence examples, provisions quoted) comes from the item's /reference when it is opened, and
 * without JavaScript from the item's own page, which still shows all of it.
 */

const seeds = loadCorpus(corpusPaths().seedsDir);
const item = seeds.items.find((i) => i.id === 'LIC-001')!;
const provision = seeds.provisions.find((p) => p.id === item.provisions[0])!;
const quoted = provision.text_zh.slice(0, 30);

describe('the reading behind a question', () => {
	it('is not in the questionnaire page but one request away, for members only', async () => {
		const browser = new Browser(undefined, { lang: 'en' });
		const { orgId } = await signUp(browser);
		const base = await startAssessment(browser, orgId);
		expect((await saveProfile(browser, base, 0)).status).toBe(303);

		const page = await browser.get(`${base}/questionnaire?domain=all`);
		expect(page.status).toBe(200);
		expect(page.body).toContain('id="LIC-001"');
		expect(page.body).not.toContain(quoted);
		expect(page.body).not.toContain(item.guidance.en.slice(0, 40));
		// Without JavaScript a closed part links to the item's page, which holds it all.
		expect(page.body).toContain('href="items/LIC-001"');
		expect(page.text).toContain('Read it on the item’s own page');
		const itemPage = await browser.get(`${base}/items/LIC-001`);
		expect(itemPage.body).toContain(quoted);
		expect(itemPage.text).toContain(item.guidance.en.slice(0, 40));

		const reference = await browser.get(`${base}/items/LIC-001/reference`, {
			accept: 'application/json'
		});
		expect(reference.status).toBe(200);
		const body = JSON.parse(reference.body) as {
			guidance: { en: string };
			evidence_examples: { en: string[] };
			provisionDetails: { id: string; text_zh: string }[];
		};
		expect(body.guidance.en).toBe(item.guidance.en);
		expect(body.evidence_examples.en).toEqual(item.evidence_examples.en);
		expect(body.provisionDetails.map((p) => p.id)).toEqual(item.provisions);
		expect(body.provisionDetails[0]!.text_zh).toBe(provision.text_zh);

		expect((await browser.get(`${base}/items/XYZ-999/reference`)).status).toBe(404);
		const stranger = new Browser(undefined, { lang: 'en' });
		await signUp(stranger);
		expect((await stranger.get(`${base}/items/LIC-001/reference`)).status).toBe(404);
		const nobody = new Browser(undefined, { lang: 'en' });
		const signedOut = await nobody.get(`${base}/items/LIC-001/reference`);
		expect(signedOut.status).toBe(303);
		expect(signedOut.location).toMatch(/^\/login\?next=/);
	});
});
