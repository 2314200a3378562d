import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Browser as Chromium, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium';
import {
	MAIN_PAGES,
	USER_DATA,
	makeMainFixture,
	type MainFixture,
	type Viewer
} from '../helpers/main-pages';

/*
 * One language at a time: the Chinese interface has no English sentence (four or more English
 * words in a row) and the English one no Chinese, outside what people typed and outside text marked
 * as the other language on purpose (a verbatim provision is lang="zh-CN", an English summary the
 * reader asked for is lang="en"). And no main page scrolls sideways on a 390 px phone.
 */

let chromium: Chromium;
let fixture: MainFixture;
let cookies: Record<Viewer, Map<string, string>>;
const baseUrl = () => inject('baseUrl');

beforeAll(async () => {
	chromium = await launchChromium();
	({ fixture, cookies } = await makeMainFixture(baseUrl()));
});
afterAll(async () => {
	await chromium?.close();
});

/** The page's own text: no scripts, no code, no text marked as another language, no user data. */
async function ownText(page: Page, lang: 'zh' | 'en'): Promise<string[]> {
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

describe('one language at a time, on every main page', () => {
	for (const lang of ['zh', 'en'] as const)
		for (const entry of MAIN_PAGES)
			it(`${entry.name} (${lang}): ${lang === 'zh' ? 'no English sentence' : 'no Chinese'}`, async () => {
				const context = await chromium.newContext({ baseURL: baseUrl() });
				await context.addCookies(
					[...cookies[entry.who], ['lang', lang] as const].map(([name, value]) => ({
						name,
						value,
						url: baseUrl()
					}))
				);
				try {
					const page = await context.newPage();
					const response = await page.goto(entry.path(fixture));
					expect(response?.status(), entry.name).toBe(200);
					const leaks = (await ownText(page, lang)).filter((t) =>
						lang === 'zh' ? ENGLISH_SENTENCE.test(t) : CHINESE.test(t.replace(TERMS, ' '))
					);
					expect([...new Set(leaks)], entry.name).toEqual([]);
				} finally {
					await context.close();
				}
			});
});

describe('no main page scrolls sideways at 390 px', () => {
	for (const lang of ['zh', 'en'] as const)
		it(`every main page fits a 390 px screen (${lang})`, async () => {
			const wide: string[] = [];
			for (const who of ['anon', 'firm', 'consultant'] as const) {
				const context = await chromium.newContext({
					baseURL: baseUrl(),
					viewport: { width: 390, height: 844 }
				});
				await context.addCookies(
					[...cookies[who], ['lang', lang] as const].map(([name, value]) => ({
						name,
						value,
						url: baseUrl()
					}))
				);
				try {
					const page = await context.newPage();
					for (const entry of MAIN_PAGES.filter((p) => p.who === who)) {
						await page.goto(entry.path(fixture));
						await page.waitForLoadState('networkidle');
						const overflow = await page.evaluate(
							() => document.documentElement.scrollWidth - window.innerWidth
						);
						if (overflow > 0) wide.push(`${entry.name}: ${overflow}px too wide`);
					}
				} finally {
					await context.close();
				}
			}
			expect(wide).toEqual([]);
		});
});
