/**
 * The result page of the largest assessment: the profile that makes the most items applicable, every
 * item answered, most of them gaps with a note, an owner and a due date. Server time (Server-Timing),
 * the server process's CPU time per request (user + system, from /proc: what a loaded machine
 * inflates least) and HTML size over repeated requests, in both languages; then the same for the
 * pages the result page links to for the consultant's work (BENCH_PAGES: a comma-separated list of
 * paths below the assessment, e.g. `result,action-plan,observations/LIC-001`; default `result`).
 *
 *   npm run build && npx tsx scripts/bench-result.ts
 *
 * A scratch database is created on TEST_POSTGRES_URL's server (default 127.0.0.1:5432) and dropped.
 */
import { Browser, signUp } from '../tests/helpers/browser';
import { saveAnswer, saveProfile, startAssessment } from '../tests/helpers/assessment';
import { loadCorpus } from '../src/lib/corpus/load';
import { corpusPaths } from '../src/lib/corpus/paths';
import { scopeItems } from '../src/lib/domain/applicability';
import type { Profile } from '../src/lib/domain/profile';
import { benchServer, cpuMs, machine, ms, percentile, serverTime } from './bench-common';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 30);
const WARM_UP = 10;
const PAGES = (process.env.BENCH_PAGES ?? 'result').split(',').filter(Boolean);
const STATUSES = ['non_compliant', 'partial', 'non_compliant', 'compliant'] as const;

const asProfile = (form: Record<string, string | string[]>): Profile =>
	Object.fromEntries(
		Object.entries(form).map(([k, v]) => [k, v === 'true' ? true : v === 'false' ? false : v])
	);

/** Every option of every multi-choice, yes to every question, and the org type that scopes most in. */
function broadestProfile(corpus: ReturnType<typeof loadCorpus>) {
	const form: Record<string, string | string[]> = {
		registered_name: '上海浦江数字科技有限公司',
		business_scope: '软件开发；信息技术咨询服务'
	};
	for (const q of corpus.profileQuestions) {
		if (q.kind === 'multi') form[q.id] = q.options.map((o) => o.value);
		if (q.kind === 'boolean') form[q.id] = 'true';
		if (q.kind === 'single') form[q.id] = q.options.at(-1)!.value;
	}
	let best = { form, count: -1 };
	for (const q of corpus.profileQuestions.filter((q) => q.kind === 'single'))
		for (const o of q.options) {
			const trial = { ...best.form, [q.id]: o.value };
			const count = scopeItems(corpus.items, asProfile(trial)).applicable.length;
			if (count > best.count) best = { form: trial, count };
		}
	return best;
}

async function main() {
	const corpus = loadCorpus(corpusPaths({}).seedsDir);
	const { form, count } = broadestProfile(corpus);
	const bench = await benchServer('result');
	try {
		const browser = new Browser(bench.server.baseUrl);
		const { orgId } = await signUp(browser);
		const base = await startAssessment(browser, orgId, 'largest');
		const saved = await saveProfile(browser, base, 0, form);
		if (saved.status >= 400) throw new Error(`profile: ${saved.status}`);
		const applicable = scopeItems(corpus.items, asProfile(form)).applicable;
		for (const [i, item] of applicable.entries()) {
			const answer = await saveAnswer(browser, base, item.id, 0, {
				status: STATUSES[i % STATUSES.length],
				note: '制度已起草，尚待董事会审批；测试记录见共享盘。',
				owner: '合规部 张伟',
				due: '2027-03-31'
			});
			if (answer.status >= 400) throw new Error(`answer ${item.id}: ${answer.status}`);
		}
		console.log(`# result page, largest assessment (${count} applicable items)\n\n${machine()}\n`);
		console.log('| page | language | p50 | p95 | server CPU / request | HTML |');
		console.log('| --- | --- | --- | --- | --- | --- |');
		const pid = bench.instances[0]?.process.pid;
		for (const path of PAGES)
			for (const lang of ['zh', 'en'] as const) {
				browser.cookies.set('lang', lang);
				const times: number[] = [];
				let bytes = 0;
				// A few requests first, not counted: the first of a page loads and compiles its code, the
				// next ones let the JIT optimise it (else the first language measured pays for both).
				for (let i = 0; i < WARM_UP; i++) await browser.get(`${base}/${path}`);
				const cpuBefore = cpuMs(pid);
				for (let i = 0; i < SAMPLES; i++) {
					const page = await browser.get(`${base}/${path}`);
					if (page.status !== 200) throw new Error(`${path}: ${page.status}`);
					bytes = Buffer.byteLength(page.body);
					if (process.env.BENCH_DUMP)
						(await import('node:fs')).writeFileSync(
							`${process.env.BENCH_DUMP}-${path.replaceAll('/', '_')}-${lang}.html`,
							page.body
						);
					times.push(serverTime(page.headers));
				}
				const cpu = (cpuMs(pid) - cpuBefore) / SAMPLES;
				times.sort((a, b) => a - b);
				console.log(
					`| ${path} | ${lang} | ${ms(percentile(times, 50))} | ${ms(percentile(times, 95))} | ${ms(cpu)} | ${bytes.toLocaleString('en')} B |`
				);
			}
	} finally {
		await bench.close();
	}
}

await main();
