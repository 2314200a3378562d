import fs from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { codeIn, mailTo } from './mail';

/**
 * Debian's chromium-headless-shell: the same Chromium release as its `chromium` package (Blink, V8,
 * the network stack), built as the headless shell that Playwright itself runs for headless tests. The
 * full browser's headless mode carries the whole browser around the page, and a renderer process per
 * site: on the browser project it took 286 CPU-seconds of Chromium against the shell's 143 (see
 * BENCHMARKS.md, "Session 12"). `CHROMIUM_PATH=/usr/bin/chromium npx vitest run --project browser`
 * runs the same tests in the full browser; the screenshot script and the PDF bench use it.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium-headless-shell';

/** Chromium, headless, with the flags this closed network needs. */
export async function launchChromium(executablePath = CHROMIUM_PATH): Promise<Browser> {
	if (!fs.existsSync(executablePath)) {
		throw new Error(
			`Chromium is not at ${executablePath}: install it (scripts/install-system-packages.sh does, as root)`
		);
	}
	return chromium.launch({
		executablePath,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync'
		]
	});
}

export function artifactPath(name: string): string {
	fs.mkdirSync('tests/artifacts', { recursive: true });
	return `tests/artifacts/${name}`;
}

/**
 * A full-page screenshot under tests/artifacts/, for people to look at; nothing asserts on it. Taken
 * only when asked (SCREENSHOTS=1 npx vitest run --project browser): CI does not pay for them.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
	if (process.env.SCREENSHOTS !== '1') return;
	await page.screenshot({ path: artifactPath(name), fullPage: true });
}

/**
 * After a sign-up in the browser: on the verification page, reads the code mailed to `email` from
 * the run's SMTP server and enters it, as the person would.
 */
export async function enterMailedCode(page: Page, email: string): Promise<void> {
	await page.waitForURL(/\/verify-email/);
	const code = codeIn(await mailTo(email, (m) => /\b[A-Z0-9]{8}\b/.test(m.text)));
	await page.locator('#field-code').fill(code);
	await page.locator('form[action^="?/verify"] button[type=submit]').click();
}

/** A browser context signed in as `person` (the HTTP helper's cookies), reading `lang`. */
export async function contextAs(
	browser: Browser,
	baseUrl: string,
	person: { cookies: Map<string, string> },
	lang: 'zh' | 'en'
): Promise<BrowserContext> {
	const context = await browser.newContext({ baseURL: baseUrl });
	await context.addCookies([
		...[...person.cookies]
			.filter(([name]) => name !== 'lang')
			.map(([name, value]) => ({ name, value, url: baseUrl })),
		{ name: 'lang', value: lang, url: baseUrl }
	]);
	return context;
}

/** Chromium for the file's tests: launched before the first, closed after the last. */
export function useChromium(): () => Browser {
	let browser: Browser | undefined;
	beforeAll(async () => {
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser?.close();
	});
	return () => {
		if (!browser) throw new Error('Chromium has not been launched yet (use it inside a test)');
		return browser;
	};
}

/**
 * Opens `path` at each width in turn (1366 and 390 px unless told), once its script has run, for a
 * person to look at (`screenshot`, named `<name>-<width>-<lang>.png`); answers, per width, how far
 * the page scrolls sideways (0 when it fits) and what sticks out.
 */
export async function lookAtWidths(
	page: Page,
	path: string,
	name: string,
	lang: string,
	widths: number[] = [1366, 390]
): Promise<{ width: number; overflow: number; wide: string }[]> {
	const seen = [];
	for (const width of widths) {
		await page.setViewportSize({ width, height: 900 });
		await page.goto(path);
		await page.waitForLoadState('networkidle');
		await screenshot(page, `${name}-${width}-${lang}.png`);
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - window.innerWidth
		);
		const wide = await page.evaluate(() =>
			[...document.querySelectorAll('body *')]
				.filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
				.slice(0, 6)
				.map((e) => `${e.tagName}.${e.className}`)
				.join(' ')
		);
		seen.push({ width, overflow, wide });
	}
	return seen;
}
