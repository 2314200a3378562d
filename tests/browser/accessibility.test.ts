import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Browser as Chromium, BrowserContext, Page } from 'playwright-core';
import type { AxeResults, Result } from 'axe-core';
import { launchChromium } from '../helpers/chromium';
import { Browser, signUp } from '../helpers/browser';
import { saveAnswer, saveProfile, startAssessment } from '../helpers/assessment';

const axeSource: string = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

/** What a page of the table may need: the ids of a signed-up firm with one assessment. */
interface Fixture {
	orgId: string;
	base: string;
}

/**
 * Every main page, checked in both languages. To cover a new page, add one line:
 * a name, whether it needs a signed-in user, and its path.
 */
const PAGES: { name: string; signedIn: boolean; path: (f: Fixture) => string }[] = [
	{ name: 'home', signedIn: false, path: () => '/' },
	{ name: 'login', signedIn: false, path: () => '/login' },
	{ name: 'sign-up', signedIn: false, path: () => '/signup' },
	{ name: 'methodology', signedIn: false, path: () => '/methodology' },
	{ name: 'library', signedIn: false, path: () => '/library' },
	{ name: 'library items', signedIn: false, path: () => '/library/items?domain=licensing' },
	{ name: 'library item', signedIn: false, path: () => '/library/items/LIC-001' },
	{ name: 'library provisions', signedIn: false, path: () => '/library/provisions' },
	{
		name: 'library provision',
		signedIn: false,
		path: () => '/library/provisions/ifcr2024.a50.p3'
	},
	{ name: 'error page', signedIn: false, path: () => '/no-such-page' },
	{ name: 'account', signedIn: true, path: () => '/account' },
	{ name: 'organisations', signedIn: true, path: () => '/orgs' },
	{ name: 'organisation home', signedIn: true, path: (f) => `/o/${f.orgId}` },
	{ name: 'members', signedIn: true, path: (f) => `/o/${f.orgId}/members` },
	{ name: 'assessments', signedIn: true, path: (f) => `/o/${f.orgId}/assessments` },
	{ name: 'profile', signedIn: true, path: (f) => `${f.base}/profile` },
	{ name: 'questionnaire', signedIn: true, path: (f) => `${f.base}/questionnaire` },
	{ name: 'item', signedIn: true, path: (f) => `${f.base}/items/LIC-001` },
	{ name: 'result', signedIn: true, path: (f) => `${f.base}/result` }
];

const LANGUAGES = ['zh', 'en'] as const;

let chromium: Chromium;
let fixture: Fixture;
let cookies: Map<string, string>;

beforeAll(async () => {
	chromium = await launchChromium();
	const client = new Browser(inject('baseUrl'));
	const { orgId } = await signUp(client, { orgName: '无障碍检查有限公司' });
	const base = await startAssessment(client, orgId);
	await saveProfile(client, base, 0);
	await saveAnswer(client, base, 'LIC-001', 0, { status: 'partial', note: '材料已提交' });
	fixture = { orgId, base };
	cookies = client.cookies;
});
afterAll(async () => {
	await chromium?.close();
});

const contexts = new Map<string, Promise<BrowserContext>>();

/** One context per language and sign-in state, shared by the pages that need it. */
function contextFor(lang: string, signedIn: boolean): Promise<BrowserContext> {
	const key = `${lang}:${signedIn}`;
	let context = contexts.get(key);
	if (!context) {
		context = (async () => {
			const baseURL = inject('baseUrl');
			// The app's CSP (rightly) refuses inline scripts; axe is the test's own script, not the page's.
			const created = await chromium.newContext({ baseURL, bypassCSP: true });
			const jar: [string, string][] = [...(signedIn ? cookies : []), ['lang', lang]];
			await created.addCookies(jar.map(([name, value]) => ({ name, value, url: baseURL })));
			return created;
		})();
		contexts.set(key, context);
	}
	return context;
}

async function runAxe(page: Page): Promise<AxeResults> {
	await page.addScriptTag({ content: axeSource });
	return page.evaluate(() =>
		window.axe.run(document, { resultTypes: ['violations'] })
	) as Promise<AxeResults>;
}

function describeViolations(violations: Result[]): string {
	return violations
		.map(
			(v) =>
				`[${v.impact}] ${v.id}: ${v.help}\n` +
				v.nodes
					.slice(0, 5)
					.map(
						(n) =>
							`    ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ')}`
					)
					.join('\n')
		)
		.join('\n');
}

declare global {
	interface Window {
		axe: { run(context: Document, options: object): Promise<AxeResults> };
	}
}

describe('accessibility (axe-core) of every main page', () => {
	it('the harness itself reports an unlabelled field and a missing alt text', async () => {
		const page = await (await contextFor('en', false)).newPage();
		try {
			await page.setContent(
				'<html lang="en"><title>t</title><main><img src="x.png"><input></main></html>'
			);
			const ids = (await runAxe(page)).violations.map((v) => `${v.id}:${v.impact}`);
			expect(ids).toEqual(expect.arrayContaining(['image-alt:critical', 'label:critical']));
		} finally {
			await page.close();
		}
	});

	for (const lang of LANGUAGES) {
		for (const entry of PAGES) {
			it(`${entry.name} in ${lang}: no serious or critical violation`, async () => {
				const page = await (await contextFor(lang, entry.signedIn)).newPage();
				try {
					const response = await page.goto(entry.path(fixture));
					expect(response?.status(), entry.name).toBe(entry.name === 'error page' ? 404 : 200);
					expect(await page.locator('html').getAttribute('lang')).toBe(
						lang === 'zh' ? 'zh-CN' : 'en'
					);
					const results = await runAxe(page);
					const grave = results.violations.filter(
						(v) => v.impact === 'serious' || v.impact === 'critical'
					);
					// Lesser findings do not fail the test but are printed, to be fixed (all pages are clean today).
					const lesser = results.violations.filter((v) => !grave.includes(v));
					if (lesser.length > 0)
						console.warn(`axe, ${entry.name} (${lang}):\n${describeViolations(lesser)}`);
					expect(grave, `${entry.name} (${lang}):\n${describeViolations(grave)}`).toEqual([]);
				} finally {
					await page.close();
				}
			});
		}
	}
});
