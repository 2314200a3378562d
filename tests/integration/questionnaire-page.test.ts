import { seedsCorpus } from '../../src/lib/corpus/seeds-corpus';
import { describe, expect, it } from 'vitest';
import { Browser, signUp } from '../helpers/browser';
import { saveAnswer, saveProfile, startAssessment } from '../helpers/assessment';

/*
 * The questionnaire's filters, and: the questionnaire sends each item's card and answer; the reading behind a question (guidance,
 * evidence examples, provisions quoted) comes from the item's /reference when it is opened, and
 * without JavaScript from the item's own page, which still shows all of it.
 */

const seeds = seedsCorpus();
const item = seeds.items.find((i) => i.id === 'LIC-001')!;
const provision = seeds.provisions.find((p) => p.id === item.provisions[0])!;
const quoted = provision.text_zh.slice(0, 30);

describe('progress', () => {
	it('counts every item the list shows, good practice included', async () => {
		const browser = new Browser(undefined, { lang: 'en' });
		const { orgId } = await signUp(browser);
		const base = await startAssessment(browser, orgId);
		expect((await saveProfile(browser, base, 0)).status).toBe(303);
		const page = await browser.get(`${base}/questionnaire?domain=all`);
		const listed = new Set(
			[...page.body.matchAll(/<article[^>]* id="([A-Z]{3}-\d{3})"/g)].map((m) => m[1])
		);
		const goodPractice = seeds.items.filter((i) => listed.has(i.id) && i.basis === 'good_practice');
		expect(
			goodPractice.length,
			'the profile brings good-practice items into scope'
		).toBeGreaterThan(0);
		expect(page.text).toContain(`0 of ${listed.size} answered`);
	});
});

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

describe('the questionnaire filters', () => {
	it('show the answers changed since they were carried over, by domain and by words', async () => {
		const browser = new Browser(undefined, { lang: 'en' });
		const { orgId } = await signUp(browser);
		const base = await startAssessment(browser, orgId, '2025 自评');
		expect((await saveProfile(browser, base, 0)).status).toBe(303);
		const licensing = await browser.get(`${base}/questionnaire?domain=licensing`);
		const [first, second, third] = [
			...licensing.body.matchAll(/<li data-item="([A-Z]+-\d{3})"/g)
		].map((m) => m[1]!) as [string, string, string];
		for (const id of [first, second, third])
			expect((await saveAnswer(browser, base, id, 0, { status: 'compliant' })).status).toBe(200);
		const next = await browser.post(`/o/${orgId}/assessments?/next`, {
			previousId: base.split('/').at(-1)!,
			title: ''
		});
		expect(next.status).toBe(303);
		const nextBase = next.location!.replace(/\/questionnaire$/, '');
		const shown = async (query: string) => {
			const page = await browser.get(`${nextBase}/questionnaire?${query}`);
			expect(page.status).toBe(200);
			return [...page.body.matchAll(/<li data-item="([A-Z]+-\d{3})"/g)].map((m) => m[1]);
		};
		// Nothing changed yet: all three are carried over, to confirm.
		expect(await shown('show=changed&domain=all')).toEqual([]);
		expect(await shown('show=carried&domain=licensing')).toEqual([first, second, third]);

		// One changed, one confirmed as it was, one left: only the changed one is "changed".
		expect(
			(await saveAnswer(browser, nextBase, first, 1, { status: 'partial', note: 'new rule' }))
				.status
		).toBe(200);
		expect((await saveAnswer(browser, nextBase, second, 1, { status: 'compliant' })).status).toBe(
			200
		);
		expect(await shown('show=changed&domain=all')).toEqual([first]);
		expect(await shown('show=carried&domain=all')).toEqual([third]);
		expect(await shown('show=gaps&domain=licensing&q=new%20rule')).toEqual([first]);
		const page = await browser.get(`${nextBase}/questionnaire?domain=all`);
		expect(page.body).toContain('<option value="changed">');
		// An assessment started afresh has nothing carried over to compare with.
		expect((await browser.get(`${base}/questionnaire`)).body).not.toContain(
			'<option value="changed">'
		);
	});
});

describe('a refused bulk change', () => {
	it('answers 400 and says beside the form what is missing, keeping what was typed', async () => {
		const browser = new Browser(undefined, { lang: 'en' });
		const { orgId } = await signUp(browser);
		const base = await startAssessment(browser, orgId);
		expect((await saveProfile(browser, base, 0)).status).toBe(303);
		const noOwner = await browser.post(`${base}/questionnaire?/bulk&domain=all`, {
			__superform_id: 'bulk',
			items: 'LIC-001:0',
			change: 'owner',
			owner: ''
		});
		expect(noOwner.status).toBe(400);
		expect(noOwner.body).toMatch(/id="bulk-owner"[^>]*aria-invalid="true"/);
		expect(noOwner.text).toContain('Give the owner.');
		const nothingChosen = await browser.post(`${base}/questionnaire?/bulk&domain=all`, {
			__superform_id: 'bulk',
			change: 'not_applicable',
			reason: 'Not our business'
		});
		expect(nothingChosen.status).toBe(400);
		expect(nothingChosen.text).toContain('Choose some items first.');
		expect(nothingChosen.body).toMatch(/id="bulk-reason"[^>]*value="Not our business"/);
	});
});
