/**
 * Answering: the server's own time per autosave and per questionnaire page, on the built server and
 * a scratch PostgreSQL database, one person at a time (no contention: the figure is the work a save
 * or a page costs).
 *
 *   npm run build && npm run bench:answer
 *
 * The profile is the broadest the questionnaire knows (a licensed institution in every business
 * line, every licence, every yes), so nearly every item is in scope. Saves go as the page's autosave
 * sends them (fetch to the save action, `x-sveltekit-action`, the version carried forward), each a
 * real change of the note. The page is the whole questionnaire (`?domain=all`, every applicable
 * item) and the first domain's. Times are the `Server-Timing: app;dur` header (wall time inside the
 * server); beside them the server process's CPU time per request (from /proc, so a shared machine's
 * waiting is not counted; the database's own CPU is not in it). BENCH_SAVES and BENCH_PAGES change
 * the counts; BENCH_ONLY=all or =first requests that page alone (to profile it). Exits 1 when a target is missed: save p95 ≤ 50 ms, whole questionnaire p50 ≤ 15 ms.
 */
import { Browser, signUp } from '../tests/helpers/browser';
import fs from 'node:fs';
import { saveProfile, startAssessment } from '../tests/helpers/assessment';
import { benchServer, cpuMs, figures, machine, ms, serverTime } from './bench-common';

const SAVES = Number(process.env.BENCH_SAVES ?? 300);
const PAGES = Number(process.env.BENCH_PAGES ?? 33);
const WARM_UP = 3;

/** Every item the questionnaire has that any profile can bring into scope. */
const BROADEST: Record<string, string | string[]> = {
	org_type: 'licensed_institution',
	licences: [
		'banking',
		'payment',
		'securities_futures',
		'fund_management',
		'insurance',
		'microcredit',
		'financing_guarantee',
		'financial_leasing',
		'commercial_factoring',
		'pawnshop',
		'regional_equity_market',
		'local_asset_management',
		'financial_holding',
		'market_infrastructure',
		'credit_reporting',
		'value_added_telecom'
	],
	business_lines: [
		'payments',
		'lending',
		'wealth_management',
		'robo_advice',
		'insurtech',
		'securities_funds',
		'crowdfunding',
		'credit_information',
		'tech_services',
		'blockchain',
		'ai_models'
	],
	personal_information: 'over_10m',
	personal_information_role: 'controller',
	ciio: 'true',
	cross_border_data: 'true',
	client_funds: 'true',
	retail_customers: 'true',
	elderly_customers: 'true',
	ftz_lingang: 'true',
	target_sandbox: 'pboc_joint'
};

const bench = await benchServer('answer');
try {
	const browser = new Browser(bench.server.baseUrl, { lang: 'zh' });
	const { orgId } = await signUp(browser, { orgName: '作答基准测试有限公司' });
	const base = await startAssessment(browser, orgId);
	const profile = await saveProfile(browser, base, 0, BROADEST);
	if (profile.status !== 303) throw new Error(`profile: ${profile.status}`);
	const pid = bench.instances[0]?.process.pid;
	const whole = await browser.get(`${base}/questionnaire?domain=all`);
	// BENCH_DUMP=file keeps the whole page's HTML, to see what it is made of.
	if (process.env.BENCH_DUMP) fs.writeFileSync(process.env.BENCH_DUMP, whole.body);
	const items = [
		...whole.body.matchAll(/<article class="card item[^"]*" id="([A-Z]+-\d{3})"/g)
	].map((m) => m[1]!);
	console.log(`${machine()}\n${items.length} applicable items\n`);

	const versions = new Map<string, number>();
	let cpuBefore = 0;
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
		if (i === WARM_UP - 1) cpuBefore = cpuMs(pid);
	}
	const saveCpu = (cpuMs(pid) - cpuBefore) / SAVES;

	const pageTimes = async (path: string) => {
		const times: number[] = [];
		let bytes = 0;
		let cpuStart = 0;
		for (let i = 0; i < PAGES; i++) {
			const page = await browser.get(path);
			if (page.status !== 200) throw new Error(`${path}: ${page.status}`);
			bytes = Buffer.byteLength(page.body);
			if (i >= WARM_UP) times.push(serverTime(page.headers));
			if (i === WARM_UP - 1) cpuStart = cpuMs(pid);
		}
		const cpu = (cpuMs(pid) - cpuStart) / (PAGES - WARM_UP);
		return { ...figures(times, 0, 1), bytes, cpu };
	};
	// BENCH_ONLY=all or =first measures that page alone (to profile it).
	const only = process.env.BENCH_ONLY;
	const skipped = { ...figures([], 0, 1), bytes: 0, cpu: NaN };
	const all = only === 'first' ? skipped : await pageTimes(`${base}/questionnaire?domain=all`);
	const first = only === 'all' ? skipped : await pageTimes(`${base}/questionnaire`);
	const saves = figures(saveTimes, saveErrors, 1);

	const row = (
		name: string,
		f: { count: number; p50: number; p95: number },
		cpu: number,
		extra = ''
	) =>
		console.log(
			`| ${name.padEnd(34)} | ${String(f.count).padStart(5)} | ${ms(f.p50).padStart(8)} | ${ms(f.p95).padStart(8)} | ${ms(cpu).padStart(8)} | ${extra}`
		);
	console.log('| what                               | count |      p50 |      p95 | CPU/req  |');
	row('save (autosave, JSON)', saves, saveCpu, `${saveErrors} errors`);
	row(`questionnaire, all ${items.length} items`, all, all.cpu, `${all.bytes} bytes`);
	row('questionnaire, first domain', first, first.cpu, `${first.bytes} bytes`);
	console.log(`\nload average at the end: ${machine().split('load average ')[1]}`);
	const ok = saves.p95 <= 50 && all.p50 <= 15 && saveErrors === 0;
	if (!ok) console.log('\nA target is missed: save p95 ≤ 50 ms, questionnaire p50 ≤ 15 ms.');
	process.exitCode = ok ? 0 : 1;
} finally {
	await bench.close();
}
