/**
 * Screenshots of the filing pack page in Chinese and English at 1366 px and 390 px, on demand (not
 * CI), under tests/artifacts/screens/: `npm run build && npx tsx scripts/pack-screens.ts`.
 */
import fs from 'node:fs';
import { launchChromium } from '../tests/helpers/chromium';
import { makeMainFixture } from '../tests/helpers/main-pages';
import { benchServer } from './bench-common';

const FULL = 'tests/artifacts/screens';
fs.mkdirSync(FULL, { recursive: true });
const bench = await benchServer('pack-screens');
const chromium = await launchChromium();
try {
	const baseUrl = bench.server.baseUrl;
	const { fixture, cookies } = await makeMainFixture(baseUrl);
	for (const lang of ['zh', 'en'] as const)
		for (const width of [1366, 390]) {
			const context = await chromium.newContext({
				baseURL: baseUrl,
				viewport: { width, height: width === 390 ? 844 : 900 }
			});
			await context.addCookies(
				[...cookies.firm, ['lang', lang] as const].map(([name, value]) => ({
					name,
					value,
					url: baseUrl
				}))
			);
			const page = await context.newPage();
			await page.goto(`${fixture.base}/pack`);
			await page.waitForLoadState('networkidle');
			const name = `pack-${lang}-${width}.png`;
			await page.screenshot({ path: `${FULL}/${name}`, fullPage: false });
			await page.screenshot({ path: `${FULL}/full-${name}`, fullPage: true });
			console.log(name);
			await context.close();
		}
} finally {
	await chromium.close();
	await bench.close();
}
