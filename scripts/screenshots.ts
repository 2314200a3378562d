/**
 * Screenshots of every main page in Chinese and English at 1366 px and 390 px, on demand (not CI):
 * full pages under tests/artifacts/screens/, and the first screen of the main pages as small PNGs
 * under docs/screens/ to commit.
 *
 *   npm run build && npx tsx scripts/screenshots.ts
 *
 * A scratch database is created on TEST_POSTGRES_URL's server (default 127.0.0.1:5432) and dropped.
 */
import fs from 'node:fs';
import { launchChromium } from '../tests/helpers/chromium';
import { MAIN_PAGES, makeMainFixture } from '../tests/helpers/main-pages';
import { benchServer } from './bench-common';

const WIDTHS = [1366, 390] as const;
/** The pages whose first screen is committed under docs/screens/. */
const COMMITTED = new Set([
	'firm-home',
	'result',
	'action-plan',
	'dashboard',
	'questionnaire',
	'library-provision'
]);
const FULL = 'tests/artifacts/screens';
const DOCS = 'docs/screens';

async function main() {
	fs.mkdirSync(FULL, { recursive: true });
	fs.mkdirSync(DOCS, { recursive: true });
	const bench = await benchServer('screens');
	// The full browser a person runs, not the tests' headless shell: these pages are for looking at.
	const chromium = await launchChromium(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');
	try {
		const baseUrl = bench.server.baseUrl;
		const { fixture, cookies } = await makeMainFixture(baseUrl);
		for (const lang of ['zh', 'en'] as const)
			for (const width of WIDTHS)
				for (const who of ['anon', 'firm', 'consultant'] as const) {
					const context = await chromium.newContext({
						baseURL: baseUrl,
						viewport: { width, height: width === 390 ? 844 : 900 }
					});
					await context.addCookies(
						[...cookies[who], ['lang', lang] as const].map(([name, value]) => ({
							name,
							value,
							url: baseUrl
						}))
					);
					const page = await context.newPage();
					for (const entry of MAIN_PAGES.filter((p) => p.who === who)) {
						await page.goto(entry.path(fixture));
						await page.waitForLoadState('networkidle');
						const name = `${entry.name}-${lang}-${width}.png`;
						await page.screenshot({ path: `${FULL}/${name}`, fullPage: true });
						if (COMMITTED.has(entry.name))
							await page.screenshot({ path: `${DOCS}/${name}`, fullPage: false });
						console.log(name);
					}
					await context.close();
				}
	} finally {
		await chromium.close();
		await bench.close();
	}
}

await main();
