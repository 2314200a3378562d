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

		const page = await browser.get(`${base}/questionnaire?domain=${item.domain}`);
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

describe('a domain is the page; the whole questionnaire is a list to open', () => {
	it('sends every item of the whole questionnaire closed, each linking to its domain, and a domain as forms', async () => {
		const browser = new Browser(undefined, { lang: 'en' });
		const { orgId } = await signUp(browser);
		const base = await startAssessment(browser, orgId);
		expect((await saveProfile(browser, base, 0)).status).toBe(303);
		expect(
			(
				await saveAnswer(browser, base, 'LIC-001', 0, {
					status: 'partial',
					note: 'Licence applied for in May'
				})
			).status
		).toBe(200);

		// The page without a domain is the first domain's, each item a form.
		const first = await browser.get(`${base}/questionnaire`);
		const firstIds = [...first.body.matchAll(/<li data-item="([A-Z]+-\d{3})"/g)].map((m) => m[1]!);
		const firstDomain = seeds.items.find((i) => i.id === firstIds[0])!.domain;
		expect(
			firstIds.every((id) => seeds.items.find((i) => i.id === id)!.domain === firstDomain)
		).toBe(true);
		expect(first.body.match(/<form method="POST" action="\?\/save/g)?.length).toBe(firstIds.length);
		expect(first.body).not.toContain('answer-summary');

		// "All domains": every item, none of them a form; each says where it stands and links to the
		// page where it is one, at the item.
		const whole = await browser.get(`${base}/questionnaire?domain=all`);
		expect(whole.status).toBe(200);
		const ids = [
			...whole.body.matchAll(/<article class="card item closed" id="([A-Z]+-\d{3})"/g)
		].map((m) => m[1]!);
		expect(ids.length).toBeGreaterThan(firstIds.length);
		expect(whole.body.match(/<li data-item=/g)?.length).toBe(ids.length);
		expect(whole.body).not.toContain('action="?/save');
		for (const id of [ids[0]!, ids.at(-1)!]) {
			const domain = seeds.items.find((i) => i.id === id)!.domain;
			expect(whole.body).toContain(`href="?domain=${domain}#${id}"`);
		}
		/** An item's card as markup, without the hydration comments. */
		const card = (id: string) => {
			const from = whole.body.slice(whole.body.indexOf(`id="${id}"`));
			return from.slice(0, from.indexOf('</article>')).replace(/<!--[^>]*-->/g, '');
		};
		expect(card('LIC-001')).toMatch(
			/<strong>Partially compliant<\/strong> · Licence applied for in May<\/span>.*>Change the answer<\/a>/s
		);
		expect(card(ids[1]!)).toMatch(/<span>Unanswered<\/span>.*>Answer<\/a>/s);
		// The item's domain page holds it as a form, with what was saved.
		const domainPage = await browser.get(`${base}/questionnaire?domain=${item.domain}`);
		expect(domainPage.body).toMatch(/action="\?\/save&amp;domain=licensing#LIC-001"/);
		expect(domainPage.body).toContain('>Licence applied for in May</textarea>');
	});

	it('sends "next unanswered" on to the next domain with an unanswered item once a domain has none', async () => {
		const browser = new Browser(undefined, { lang: 'en' });
		const { orgId } = await signUp(browser);
		const base = await startAssessment(browser, orgId);
		expect((await saveProfile(browser, base, 0)).status).toBe(303);
		const nextLink = (body: string) =>
			body
				.match(/<a class="button" href="([^"]*)"[^>]*>Next unanswered<\/a>/)?.[1]
				?.replaceAll('&amp;', '&');
		const domainIds = (body: string) =>
			[...body.matchAll(/<li data-item="([A-Z]+-\d{3})"/g)].map((m) => m[1]!);
		const options = (body: string) =>
			[...body.slice(body.indexOf('id="filter-domain"')).matchAll(/<option value="([a-z_]+)"/g)]
				.map((m) => m[1]!)
				.filter((d) => d !== 'all');

		const first = await browser.get(`${base}/questionnaire`);
		const [one, two] = options(first.body) as [string, string];
		// Unanswered items here: the link is this domain's unanswered filter.
		expect(nextLink(first.body)).toBe(`?show=unanswered&domain=${one}`);
		for (const id of domainIds(first.body))
			expect((await saveAnswer(browser, base, id, 0, { status: 'compliant' })).status).toBe(200);
		// None left here: the first unanswered item of the next domain, on its page.
		const answered = await browser.get(`${base}/questionnaire?domain=${one}`);
		const secondIds = domainIds((await browser.get(`${base}/questionnaire?domain=${two}`)).body);
		expect(nextLink(answered.body)).toBe(`?domain=${two}#${secondIds[0]}`);
		// And from the next domain, once it has none left either, on again (never back to the first).
		for (const id of secondIds)
			expect((await saveAnswer(browser, base, id, 0, { status: 'compliant' })).status).toBe(200);
		const link = nextLink((await browser.get(`${base}/questionnaire?domain=${two}`)).body)!;
		expect(link).toMatch(/^\?domain=([a-z_]+)#[A-Z]+-\d{3}$/);
		expect(link).not.toContain(`domain=${one}#`);
		expect(link).not.toContain(`domain=${two}#`);
	});
});
