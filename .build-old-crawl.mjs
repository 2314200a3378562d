// Exploratory crawl (not committed): log in, visit in-app links, report language mixing and overflow.
import { chromium } from 'playwright-core';
const BASE = process.env.BASE ?? 'http://localhost:3417';
const who = process.env.WHO ?? 'demo-consultant@example.com';
const lang = process.env.LANG_UI ?? 'en';
const width = Number(process.env.WIDTH ?? 1366);
const limit = Number(process.env.LIMIT ?? 50);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const ctx = await browser.newContext({ viewport: { width, height: 900 } });
await ctx.addCookies([{ name: 'lang', value: lang, url: BASE }]);
const page = await ctx.newPage();
const errors = [];
page.on('console', (m) => { if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`); });
page.on('pageerror', (e) => errors.push(`${page.url()}: pageerror ${e.message}`));
await page.goto(BASE + '/login');
await page.fill('input[name=email]', who);
await page.fill('input[name=password]', 'demo-password-2026');
await Promise.all([page.waitForNavigation(), page.click('form:has(input[name=password]) button[type=submit]')]);
const seen = new Set();
const queue = [new URL(page.url()).pathname];
const findings = [];
while (queue.length && seen.size < limit) {
	const path = queue.shift();
	if (seen.has(path)) continue;
	seen.add(path);
	let resp;
	try { resp = await page.goto(BASE + path, { waitUntil: 'load', timeout: 30000 }); } catch (e) { findings.push(`${path}: ${e.message}`); continue; }
	const status = resp?.status();
	if (status && status >= 400) findings.push(`${path}: status ${status}`);
	const ct = resp?.headers()['content-type'] ?? '';
	if (!ct.includes('text/html')) continue;
	const info = await page.evaluate(() => {
		// Text of UI chrome only: skip elements marked as user data when we can't tell, take everything.
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		const texts = [];
		while (walker.nextNode()) {
			const n = walker.currentNode;
			const el = n.parentElement;
			if (!el || el.closest('script,style,noscript,[lang]:not(html)')) continue;
			const cs = getComputedStyle(el);
			if (cs.display === 'none' || cs.visibility === 'hidden') continue;
			const t = n.textContent.trim();
			if (t) texts.push(t);
		}
		const attrs = [...document.querySelectorAll('[placeholder],[title],[aria-label],img[alt]')].map((e) => e.getAttribute('placeholder') || e.getAttribute('title') || e.getAttribute('aria-label') || e.getAttribute('alt'));
		const wide = [...document.querySelectorAll('body *')].filter((e) => { const r = e.getBoundingClientRect(); return r.right > innerWidth + 1 && r.width > 0 && getComputedStyle(e).position !== 'fixed'; }).slice(0, 3).map((e) => e.tagName + '.' + e.className + ':' + Math.round(e.getBoundingClientRect().right));
		return { texts, attrs, scroll: document.documentElement.scrollWidth, inner: innerWidth, wide, links: [...document.querySelectorAll('a[href^="/"]')].map((a) => a.getAttribute('href')) };
	});
	if (info.scroll > info.inner + 1) findings.push(`${path}: horizontal overflow ${info.scroll} > ${info.inner} ${info.wide.join(' ')}`);
	const all = [...info.texts, ...info.attrs.filter(Boolean)];
	if (lang === 'en') {
		const cjk = all.filter((t) => /[\u4e00-\u9fff]/.test(t));
		if (cjk.length) findings.push(`${path}: CJK in en UI: ${[...new Set(cjk)].slice(0, 8).map((t) => t.slice(0, 40)).join(' | ')}`);
	} else {
		const latin = all.filter((t) => /\b[A-Za-z]{4,}\b/.test(t) && !/^(PDF|Word|JSON|CSV|XLSX|API|Excel|ZIP|PGlite|PostgreSQL|DOCX|Email|email)/.test(t));
		if (latin.length) findings.push(`${path}: Latin in zh UI: ${[...new Set(latin)].slice(0, 8).map((t) => t.slice(0, 50)).join(' | ')}`);
	}
	for (const href of info.links) {
		const u = new URL(href, BASE);
		if (/logout|library|\.(pdf|docx|xlsx|csv|zip|json)$|\/evidence\/|print/.test(u.pathname)) continue;
		if (!seen.has(u.pathname)) queue.push(u.pathname);
	}
}
console.log(`visited ${seen.size}`);
console.log(findings.join('\n'));
console.log('console errors:', errors.slice(0, 10).join('\n'));
await browser.close();
