/**
 * Answering: the server's own time per autosave and per questionnaire page, on the built server and
 * a scratch PostgreSQL database, one person at a time (no contention: the figure is the work a save
 * or a page costs).
 *
 *   npm run build && npm run bench:answer
 *
 * Saves go as the page's autosave sends them (fetch to the save action, `x-sveltekit-action`, the
 * version carried forward), each a real change of the note. The page is the whole questionnaire
 * (`?domain=all`, every applicable item) and the first domain's. Times are the `Server-Timing:
 * app;dur` header. BENCH_SAVES and BENCH_PAGES change the counts. Exits 1 when a target is missed:
 * save p95 ≤ 50 ms, whole questionnaire p50 ≤ 15 ms.
 */
import { Browser, signUp } from '../tests/helpers/browser';
import { saveProfile, startAssessment } from '../tests/helpers/assessment';
import { benchServer, figures, machine, ms, serverTime } from './bench-common';

const SAVES = Number(process.env.BENCH_SAVES ?? 300);
const PAGES = Number(process.env.BENCH_PAGES ?? 33);
const WARM_UP = 3;

const bench = await benchServer('answer');
try {
	const browser = new Browser(bench.server.baseUrl, { lang: 'zh' });
	const { orgId } = await signUp(browser, { orgName: '作答基准测试有限公司' });
	const base = await startAssessment(browser, orgId);
	await saveProfile(browser, base, 0);
	const whole = await browser.get(`${base}/questionnaire?domain=all`);
	const items = [...whole.body.matchAll(/<article class="card item" id="([A-Z]+-\d{3})"/g)].map(
		(m) => m[1]!
	);
	console.log(`${machine()}\n${items.length} applicable items\n`);

	const versions = new Map<string, number>();
	const saveTimes: number[] = [];
	let saveErrors = 0;
	for (let i = 0; i < SAVES + WARM_UP; i++) {
		const itemId = items[i % items.length]!;
		const version = versions.get(itemId) ?? 0;
		const page = await browser.post(
			`${base}/questionnaire?/save`,
			{
				__superform_id: itemId,
				itemId,
				version: String(version),
				status: i % 3 === 0 ? 'partial' : 'compliant',
				note: `第 ${i} 次修改：制度已更新`,
				evidence: 'POL-7',
				owner: i % 3 === 0 ? '合规部' : '',
				due: ''
			},
			{ headers: { 'x-sveltekit-action': 'true', accept: 'application/json' } }
		);
		if (page.status !== 200 || !page.body.includes('"success"')) {
			saveErrors++;
			continue;
		}
		versions.set(itemId, version + 1);
		if (i >= WARM_UP) saveTimes.push(serverTime(page.headers));
	}

	const pageTimes = async (path: string) => {
		const times: number[] = [];
		let bytes = 0;
		for (let i = 0; i < PAGES; i++) {
			const page = await browser.get(path);
			if (page.status !== 200) throw new Error(`${path}: ${page.status}`);
			bytes = page.body.length;
			if (i >= WARM_UP) times.push(serverTime(page.headers));
		}
		return { ...figures(times, 0, 1), bytes };
	};
	const all = await pageTimes(`${base}/questionnaire?domain=all`);
	const first = await pageTimes(`${base}/questionnaire`);
	const saves = figures(saveTimes, saveErrors, 1);

	const row = (name: string, f: { count: number; p50: number; p95: number }, extra = '') =>
		console.log(
			`| ${name.padEnd(42)} | ${String(f.count).padStart(5)} | ${ms(f.p50).padStart(8)} | ${ms(f.p95).padStart(8)} | ${extra}`
		);
	console.log('| what                                       | count |      p50 |      p95 |');
	row('save (autosave, JSON)', saves, `${saveErrors} errors`);
	row(`questionnaire, all ${items.length} items`, all, `${all.bytes} bytes`);
	row('questionnaire, first domain', first, `${first.bytes} bytes`);
	console.log(`\nload average at the end: ${machine().split('load average ')[1]}`);
	const ok = saves.p95 <= 50 && all.p50 <= 15 && saveErrors === 0;
	if (!ok) console.log('\nA target is missed: save p95 ≤ 50 ms, questionnaire p50 ≤ 15 ms.');
	process.exitCode = ok ? 0 : 1;
} finally {
	await bench.close();
}
