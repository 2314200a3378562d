import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Browser as Chromium, BrowserContext, Page } from 'playwright-core';
import type { AxeResults, Result } from 'axe-core';
import { launchChromium } from '../helpers/chromium';
import {
	MAIN_PAGES,
	USER_DATA,
	makeMainFixture,
	type MainFixture,
	type Viewer
} from '../helpers/main-pages';

/*
 * Every main page, in each language, loaded once and checked three ways:
 * - one language at a time: the Chinese interface has no English sentence (four or more English
 *   words in a row) and the English one no Chinese, outside what people typed and outside text
 *   marked as the other language on purpose (a verbatim provision is lang="zh-CN", an English
 *   summary the reader asked for is lang="en");
 * - accessible: axe-core finds no serious or critical violation;
 * - narrow: resized to a 390 px phone, the page does not scroll sideways.
 */

const axeSource: string = (createRequire(import.meta.url)('axe-core') as { source: string }).source;
const LANGUAGES = ['zh', 'en'] as const;
type Lang = (typeof LANGUAGES)[number];

let chromium: Chromium;
let fixture: MainFixture;
let cookies: Record<Viewer, Map<string, string>>;
const baseUrl = () => inject('baseUrl');
const contexts = new Map<string, Promise<BrowserContext>>();
const tabs = new Map<string, Promise<Page>>();

beforeAll(async () => {
	chromium = await launchChromium();
	({ fixture, cookies } = await makeMainFixture(baseUrl()));
});
afterAll(async () => {
	await chromium?.close();
});

/** One context per language and viewer, shared by that viewer's pages. */
function contextFor(lang: Lang, who: Viewer): Promise<BrowserContext> {
	const key = `${lang}:${who}`;
	let context = contexts.get(key);
	if (!context) {
		context = (async () => {
			// The app's CSP (rightly) refuses inline scripts; axe is the test's own script, not the page's.
			const created = await chromium.newContext({
				baseURL: baseUrl(),
				bypassCSP: true,
				viewport: { width: 1366, height: 900 }
			});
			const jar: [string, string][] = [...cookies[who], ['lang', lang]];
			await created.addCookies(jar.map(([name, value]) => ({ name, value, url: baseUrl() })));
			return created;
		})();
		contexts.set(key, context);
	}
	return context;
}

/**
 * One tab per language and viewer, taken from page to page as a person would (each goto loads a new
 * document): a new tab is a new renderer process in Chromium, about 0.2 CPU-seconds more per page.
 */
async function tabFor(lang: Lang, who: Viewer): Promise<Page> {
	const key = `${lang}:${who}`;
	let tab = tabs.get(key);
	if (!tab) {
		tab = contextFor(lang, who).then((context) => context.newPage());
		tabs.set(key, tab);
	}
	const page = await tab;
	// The last page was narrowed to a phone's width.
	await page.setViewportSize({ width: 1366, height: 900 });
	return page;
}

/** The page's own text: no scripts, no code, no text marked as another language, no user data. */
async function ownText(page: Page, lang: Lang): Promise<string[]> {
	const texts = await page.evaluate((pageLang) => {
		const skip = 'script, style, noscript, code, svg, [data-user], [aria-hidden="true"]';
		const other = pageLang === 'zh' ? '[lang="en"]' : '[lang="zh-CN"], [lang="zh"]';
		const out: string[] = [];
		// Text is gathered per block (one line of reading), so words split by inline tags still join.
		const blocks = document.body.querySelectorAll(
			'p, li, td, th, dt, dd, h1, h2, h3, h4, label, legend, button, a, summary, option, figcaption, small, span'
		);
		for (const block of blocks) {
			if (block.closest(skip) || block.closest(other)) continue;
			let text = '';
			for (const node of block.childNodes)
				if (node.nodeType === Node.TEXT_NODE) text += node.textContent;
				else if (node instanceof Element && !node.matches(skip) && !node.matches(other))
					text += ' ';
			out.push(text.replace(/\s+/g, ' ').trim());
		}
		for (const el of document.querySelectorAll('[title], [aria-label], [placeholder]'))
			if (!el.closest(other))
				for (const a of ['title', 'aria-label', 'placeholder'])
					if (el.getAttribute(a)) out.push(el.getAttribute(a)!);
		out.push(document.title);
		return out;
	}, lang);
	return texts
		.map((t) => USER_DATA.reduce((acc, data) => acc.split(data).join(' '), t))
		.filter(Boolean);
}

const ENGLISH_SENTENCE = /[A-Za-z][A-Za-z'’-]*(?:[\s,:;/()-]+[A-Za-z][A-Za-z'’-]*){3,}/;
const CHINESE = /[\u3400-\u9fff\u3000-\u303f\uff01-\uff5e]/;
/**
 * Chinese that English text holds on purpose: a quoted term ('理财'), a term glossed in brackets
 * (银行 (bank)) or a gloss itself ((受托处理)). What is left is a leak.
 */
const TERMS = /(?<![A-Za-z])['"“‘「][^'"”’」]*['"”’」]|\([^)]*\)|[\u3400-\u9fff]+(?= \()/g;

function otherLanguage(texts: string[], lang: Lang): string[] {
	const leaks = texts.filter((t) =>
		lang === 'zh' ? ENGLISH_SENTENCE.test(t) : CHINESE.test(t.replace(TERMS, ' '))
	);
	return [...new Set(leaks)];
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

/** axe's serious and critical findings; lesser ones are printed, to be fixed, and do not fail. */
async function graveViolations(page: Page, name: string): Promise<Result[]> {
	const { violations } = await runAxe(page);
	const grave = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	const lesser = violations.filter((v) => !grave.includes(v));
	if (lesser.length > 0) console.warn(`axe, ${name}:\n${describeViolations(lesser)}`);
	return grave;
}

/** How far the page scrolls sideways on a 390 px phone (0 when it fits). */
async function overflowAt390(page: Page): Promise<number> {
	await page.setViewportSize({ width: 390, height: 844 });
	return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** Tabs whose name wraps inside itself ("Profi" over "le") at the current width. */
function brokenTabs(page: Page): Promise<string[]> {
	return page.locator('nav.tabs a').evaluateAll((tabs) =>
		tabs
			.filter((a) => {
				const line = parseFloat(getComputedStyle(a).lineHeight) || 20;
				const range = document.createRange();
				range.selectNodeContents(a);
				return range.getBoundingClientRect().height > line * 1.5;
			})
			.map((a) => a.textContent ?? '')
	);
}

/** Words in a table cell split over two lines ("Overdu" over "e") at the current width. */
function brokenTableWords(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const broken: string[] = [];
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			if (!node.parentElement?.closest('th, td')) continue;
			for (const word of (node.textContent ?? '').matchAll(/[A-Za-z]{3,}/g)) {
				const range = document.createRange();
				range.setStart(node, word.index);
				range.setEnd(node, word.index + word[0].length);
				const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
				if (lines.size > 1) broken.push(word[0]);
			}
		}
		return broken;
	});
}

declare global {
	interface Window {
		axe: { run(context: Document, options: object): Promise<AxeResults> };
	}
}

describe('every main page, in each language: one language, accessible, fits a phone', () => {
	it('the axe harness itself reports an unlabelled field and a missing alt text', async () => {
		const page = await (await contextFor('en', 'anon')).newPage();
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

	const pages = [
		...MAIN_PAGES,
		{ name: 'error page', who: 'anon' as const, path: () => '/no-such-page', status: 404 }
	];
	for (const lang of LANGUAGES)
		for (const entry of pages)
			it(`${entry.name} (${lang})`, async () => {
				const page = await tabFor(lang, entry.who);
				const name = `${entry.name} (${lang})`;
				const response = await page.goto(entry.path(fixture));
				expect(response?.status(), name).toBe('status' in entry ? entry.status : 200);
				await page.waitForLoadState('networkidle');
				expect(await page.locator('html').getAttribute('lang'), name).toBe(
					lang === 'zh' ? 'zh-CN' : 'en'
				);
				expect(otherLanguage(await ownText(page, lang), lang), name).toEqual([]);
				expect(await brokenTableWords(page), `${name}: words broken in a table`).toEqual([]);
				const grave = await graveViolations(page, name);
				expect(grave, `${name}:\n${describeViolations(grave)}`).toEqual([]);
				expect(await overflowAt390(page), `${name}: px wider than a 390 px screen`).toBe(0);
				expect(await brokenTabs(page), `${name}: tab names broken at 390 px`).toEqual([]);
			});
});
