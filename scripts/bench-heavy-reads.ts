/**
 * /healthz while one signed-in person's script asks for the costly reads (print view, whole
 * questionnaire, JSON export) in a tight loop: BENCH_LOOPS concurrent loops (default 8) for
 * BENCH_SECONDS (default 20), against the built server on PostgreSQL, after a quiet baseline of the
 * same length. Prints /healthz's latency (p50, p95, max), the loop's answers by status and the
 * server's CPU time (user + system) in each phase.
 *
 *   npm run build && npx tsx scripts/bench-heavy-reads.ts
 */
import { Browser, signUp } from '../tests/helpers/browser';
import { saveProfile, startAssessment } from '../tests/helpers/assessment';
import { benchServer, cpuMs, machine, ms, percentile } from './bench-common';

const LOOPS = Number(process.env.BENCH_LOOPS ?? 8);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);

async function probe(baseUrl: string, until: number): Promise<number[]> {
	const latencies: number[] = [];
	while (Date.now() < until) {
		const started = performance.now();
		const response = await fetch(`${baseUrl}/healthz`);
		await response.arrayBuffer();
		latencies.push(performance.now() - started);
		await new Promise((r) => setTimeout(r, 100));
	}
	return latencies;
}

function summary(label: string, latencies: number[], cpu: number) {
	const sorted = [...latencies].sort((a, b) => a - b);
	console.log(
		`${label}: /healthz n=${sorted.length} p50 ${ms(percentile(sorted, 50))} p95 ${ms(
			percentile(sorted, 95)
		)} max ${ms(sorted.at(-1) ?? NaN)}; server CPU ${(cpu / 1000).toFixed(1)} s in ${SECONDS} s`
	);
}

const bench = await benchServer('heavy-reads');
try {
	const baseUrl = bench.server.baseUrl;
	const pid = bench.instances[0]!.process.pid;
	const browser = new Browser(baseUrl, { lang: 'zh' });
	const { orgId } = await signUp(browser);
	const base = await startAssessment(browser, orgId);
	await saveProfile(browser, base, 0);
	console.log(machine());

	let cpu = cpuMs(pid);
	summary('quiet', await probe(baseUrl, Date.now() + SECONDS * 1000), cpuMs(pid) - cpu);

	const paths = ['/print?lang=both', '/questionnaire?domain=all', '/export.json'];
	const statuses = new Map<number, number>();
	const until = Date.now() + SECONDS * 1000;
	cpu = cpuMs(pid);
	const loops = Array.from({ length: LOOPS }, async (_, loop) => {
		for (let i = loop; Date.now() < until; i++) {
			const response = await fetch(baseUrl + base + paths[i % paths.length], {
				headers: browser.headers()
			});
			await response.arrayBuffer();
			statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
		}
	});
	const [latencies] = await Promise.all([probe(baseUrl, until), ...loops]);
	summary(`${LOOPS} loops`, latencies, cpuMs(pid) - cpu);
	console.log('loop answers by status:', Object.fromEntries(statuses));

	// The server's CPU time per request of each path, one request at a time (refused or served).
	for (const path of paths) {
		const answers = new Map<number, number>();
		const before = cpuMs(pid);
		for (let i = 0; i < 200; i++) {
			const response = await fetch(baseUrl + base + path, { headers: browser.headers() });
			await response.arrayBuffer();
			answers.set(response.status, (answers.get(response.status) ?? 0) + 1);
		}
		console.log(
			`${path}: ${((cpuMs(pid) - before) / 200).toFixed(1)} ms CPU a request`,
			Object.fromEntries(answers)
		);
	}
} finally {
	await bench.close();
}
