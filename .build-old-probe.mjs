import { chromium } from 'playwright-core';
const BASE = 'http://localhost:3417';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const ctx = await browser.newContext({ viewport: { width: Number(process.env.WIDTH ?? 1366), height: 900 } });
await ctx.addCookies([{ name: 'lang', value: process.env.LANG_UI ?? 'en', url: BASE }]);
const page = await ctx.newPage();
await page.goto(BASE + '/login');
await page.fill('input[name=email]', process.env.WHO ?? 'demo-consultant@example.com');
await page.fill('input[name=password]', 'demo-password-2026');
await Promise.all([page.waitForNavigation(), page.click('form:has(input[name=password]) button[type=submit]')]);
await page.goto(BASE + process.argv[2]);
const r = await page.evaluate(() => {
	const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	const out = [];
	while (walker.nextNode()) { const t = walker.currentNode.textContent; if (t.includes('<section')) out.push({ parent: walker.currentNode.parentElement.outerHTML.slice(0, 300), t: t.slice(0, 300) }); }
	return out;
});
console.log(JSON.stringify(r, null, 1));
if (process.env.SHOT) await page.screenshot({ path: process.env.SHOT, fullPage: false });
await browser.close();
