/**
 * Load: 50 respondents, each signed in with an assessment of their own, saving answers and loading
 * the questionnaire for 60 s against the built server on PostgreSQL; then the same while 4 PDF
 * reports render at once; and a bare SvelteKit endpoint (/healthz) as the baseline.
 *
 *   npm run build && npm run bench:load
 *   BENCH_INSTANCES=2 npm run bench:load     # two instances behind a round-robin proxy
 *
 * BENCH_USERS, BENCH_SECONDS, BENCH_PDFS and BENCH_BASELINE_SECONDS change the shape. Exits 1 on any
 * error or when the save's p95 under PDF load is more than twice the quiet figure.
 */
import { Browser, signUp } from '../tests/helpers/browser';
import { saveAnswer, saveProfile, startAssessment } from '../tests/helpers/assessment';
import { questionnaireItems } from '../tests/helpers/save-burst';
import { benchServer, figures, machine, ms, type Figures } from './bench-common';

const USERS = Number(process.env.BENCH_USERS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const PDFS = Number(process.env.BENCH_PDFS ?? 4);
const BASELINE_SECONDS = Number(process.env.BENCH_BASELINE_SECONDS ?? 20);
const INSTANCES = Number(process.env.BENCH_INSTANCES ?? 1);
// As the questionnaire's autosave sends it (superforms' enhance): the action's result as JSON, no
// page rendered after it. BENCH_SAVE=form posts as a browser without JavaScript does instead.
const SAVE_HEADERS: Record<string, string> =
	process.env.BENCH_SAVE === 'form'
		? {}
		: { 'x-sveltekit-action': 'true', accept: 'application/json' };

interface Respondent {
	browser: Browser;
	base: string;
	items: string[];
	versions: Map<string, number>;
}

class Recorder {
	readonly latencies = new Map<string, number[]>();
	readonly errors = new Map<string, string[]>();
	async time<T extends { status: number }>(name: string, ok: number[], request: () => Promise<T>) {
		const started = performance.now();
		try {
			const result = await request();
			if (!ok.includes(result.status)) this.fail(name, `status ${result.status}`);
			else this.push(this.latencies, name, performance.now() - started);
			return result;
		} catch (error) {
			this.fail(name, String(error));
			return null;
		}
	}
	private fail(name: string, reason: string) {
		this.push(this.errors, name, reason);
	}
	private push<V>(map: Map<string, V[]>, name: string, value: V) {
		map.set(name, [...(map.get(name) ?? []), value]);
	}
	figures(name: string, seconds: number): Figures {
		return figures(this.latencies.get(name) ?? [], this.errors.get(name)?.length ?? 0, seconds);
	}
}

async function prepare(baseUrl: string): Promise<Respondent[]> {
	const respondents: Respondent[] = [];
	// A few at a time: sign-up hashes a password, and the machine is small.
	for (let i = 0; i < USERS; i += 5) {
		const batch = await Promise.all(
			Array.from({ length: Math.min(5, USERS - i) }, async (_, j) => {
				const browser = new Browser(baseUrl, { lang: 'zh' });
				const { orgId } = await signUp(browser, { orgName: `负载测试机构 ${i + j}` });
				const base = await startAssessment(browser, orgId);
				await saveProfile(browser, base, 0);
				const items = await questionnaireItems(browser, base);
				return { browser, base, items, versions: new Map<string, number>() };
			})
		);
		respondents.push(...batch);
	}
	return respondents;
}

/** An enhanced action answers 200 with `{ type, status }` in the body; that status is the one that counts. */
function actionStatus(page: { status: number; body: string }): { status: number } {
	if (page.status !== 200 || !page.body.startsWith('{')) return page;
	const result = JSON.parse(page.body) as { type: string; status?: number };
	return { status: result.type === 'success' ? 200 : (result.status ?? 500) };
}

/** A respondent's loop: save the next item's answer, load the questionnaire, again. */
async function respond(r: Respondent, recorder: Recorder, until: number, index: number) {
	let n = index;
	while (Date.now() < until) {
		const itemId = r.items[n++ % r.items.length]!;
		const version = r.versions.get(itemId) ?? 0;
		const saved = await recorder.time('save', [200], async () =>
			actionStatus(
				await saveAnswer(
					r.browser,
					r.base,
					itemId,
					version,
					{ status: n % 3 ? 'partial' : 'compliant', note: `负载 ${n}` },
					SAVE_HEADERS
				)
			)
		);
		if (saved) r.versions.set(itemId, version + 1);
		await recorder.time('questionnaire', [200], () => r.browser.get(`${r.base}/questionnaire`));
	}
}

async function renderReports(r: Respondent, recorder: Recorder, until: number) {
	while (Date.now() < until) {
		await recorder.time('report.pdf', [200], () =>
			r.browser.download(`${r.base}/report.pdf?lang=both`)
		);
	}
}

async function phase(label: string, respondents: Respondent[], pdfs: number) {
	const recorder = new Recorder();
	const until = Date.now() + SECONDS * 1000;
	const started = performance.now();
	await Promise.all([
		...respondents.map((r, i) => respond(r, recorder, until, i)),
		...respondents.slice(0, pdfs).map((r) => renderReports(r, recorder, until))
	]);
	const seconds = (performance.now() - started) / 1000;
	console.log(
		`\n${label} (${respondents.length} respondents, ${pdfs} PDF renderers, ${seconds.toFixed(0)} s)`
	);
	const rows = ['save', 'questionnaire', ...(pdfs ? ['report.pdf'] : [])].map((name) => ({
		name,
		...recorder.figures(name, seconds)
	}));
	console.log(
		'| request | count | errors | req/s | p50 | p95 | p99 |\n|---|---|---|---|---|---|---|'
	);
	for (const r of rows) {
		console.log(
			`| ${r.name} | ${r.count} | ${r.errors} | ${r.rps.toFixed(1)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} |`
		);
	}
	for (const [name, reasons] of recorder.errors)
		console.log(`  errors in ${name}: ${[...new Set(reasons)].join('; ')}`);
	return recorder;
}

async function baseline(baseUrl: string) {
	const recorder = new Recorder();
	const until = Date.now() + BASELINE_SECONDS * 1000;
	const started = performance.now();
	await Promise.all(
		Array.from({ length: USERS }, async () => {
			while (Date.now() < until) {
				await recorder.time('/healthz', [200], async () => {
					const response = await fetch(`${baseUrl}/healthz`);
					await response.arrayBuffer();
					return response;
				});
			}
		})
	);
	const f = recorder.figures('/healthz', (performance.now() - started) / 1000);
	console.log(
		`\nbaseline: GET /healthz (a bare endpoint with one trivial query), ${USERS} concurrent, ${BASELINE_SECONDS} s`
	);
	console.log(
		`| /healthz | ${f.count} | ${f.errors} | ${f.rps.toFixed(1)} | ${ms(f.p50)} | ${ms(f.p95)} | ${ms(f.p99)} |`
	);
	return f;
}

async function main() {
	console.log(`machine: ${machine()}`);
	const bench = await benchServer('load', { instances: INSTANCES });
	console.log(
		INSTANCES > 1
			? `${INSTANCES} instances on one PostgreSQL, behind a round-robin proxy`
			: 'one instance'
	);
	try {
		const baseUrl = bench.server.baseUrl;
		const respondents = await prepare(baseUrl);
		console.log(
			`${respondents.length} respondents ready, ${respondents[0]?.items.length} items on each first page`
		);
		const base = await baseline(baseUrl);
		const quiet = await phase('quiet', respondents, 0);
		const loaded = await phase('with PDF reports rendering', respondents, PDFS);
		const quietSave = quiet.figures('save', 1).p95;
		const loadedSave = loaded.figures('save', 1).p95;
		const errors =
			[quiet, loaded].reduce(
				(sum, r) => sum + [...r.errors.values()].reduce((s, e) => s + e.length, 0),
				0
			) + base.errors;
		console.log(
			`\nsave p95 under PDF load / quiet: ${(loadedSave / quietSave).toFixed(2)} (limit 2.0)`
		);
		console.log(
			`questionnaire p50 / baseline p50: ${(quiet.figures('questionnaire', 1).p50 / base.p50).toFixed(1)}`
		);
		console.log(`errors: ${errors}`);
		console.log(`machine after: ${machine()}`);
		if (errors > 0 || loadedSave > 2 * quietSave) process.exitCode = 1;
	} finally {
		await bench.close();
	}
}

await main();
