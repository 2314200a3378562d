/**
 * Hostile inputs against the built server (PostgreSQL), one at a time, while /healthz is timed
 * every 25 ms and the server's memory sampled: each refusal's time, the longest /healthz wait
 * during it, and the server's resident memory above idle. Not a test: figures for BENCHMARKS.md.
 *
 *   npm run build && npm run bench:hostile
 *
 * Bounds the issue sets: each refusal within 2 s, /healthz never waiting more than 200 ms, memory
 * under 300 MB above idle. Exits 1 when one is broken or a file was not refused.
 */
import fs from 'node:fs';
import { apiOrganisation } from '../tests/helpers/api';
import { saveProfile, startAssessment } from '../tests/helpers/assessment';
import { Browser, signUp } from '../tests/helpers/browser';
import {
	deepJson,
	manyRowsWorkbook,
	manySheetsWithFormulas,
	pngBomb,
	zipBombWorkbook
} from '../tests/helpers/hostile-files';
import { postFile } from '../tests/helpers/upload';
import { benchServer, machine, ms } from './bench-common';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function rssMb(pid: number): number {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

/** Times /healthz back to back and samples memory until stopped. */
function watch(baseUrl: string, pid: number) {
	let stopped = false;
	let worstHealth = 0;
	let peakRss = 0;
	const loop = (async () => {
		while (!stopped) {
			const started = performance.now();
			await fetch(`${baseUrl}/healthz`).then((r) => r.arrayBuffer());
			worstHealth = Math.max(worstHealth, performance.now() - started);
			peakRss = Math.max(peakRss, rssMb(pid));
			await new Promise((resolve) => setTimeout(resolve, 25));
		}
	})();
	return async () => {
		stopped = true;
		await loop;
		return { worstHealth, peakRss };
	};
}

async function main() {
	const bench = await benchServer('hostile');
	const server = bench.instances[0]!;
	const pid = server.process.pid!;
	try {
		const browser = new Browser(server.baseUrl, { lang: 'en' });
		const { orgId } = await signUp(browser, { orgKind: 'consultancy' });
		const base = await startAssessment(browser, orgId);
		await saveProfile(browser, base, 0);
		const { api } = await apiOrganisation({}, server.baseUrl);
		const upload = (bytes: Uint8Array) =>
			postFile(browser, `${base}/result?/importTemplate`, { name: 't.xlsx', type: XLSX, bytes });
		const logo = async (bytes: Uint8Array) => {
			const body = new FormData();
			body.append('logo', new Blob([bytes as BlobPart]), 'logo.png');
			const r = await fetch(`${server.baseUrl}/o/${orgId}/settings?/logo`, {
				method: 'POST',
				body,
				redirect: 'manual',
				headers: { ...browser.headers(), origin: server.baseUrl }
			});
			return { status: r.status, text: await r.text() };
		};

		console.log('making the files…');
		const files = {
			rows100k: manyRowsWorkbook(100_000),
			rows1m: manyRowsWorkbook(1_000_000),
			bomb: zipBombWorkbook(200),
			sheets: manySheetsWithFormulas(300),
			png: await pngBomb(11_000, 11_000),
			deepApi: `{"name":${deepJson(450_000)}}`,
			deepFile: deepJson(2_500_000)
		};
		// Made before the clock starts: only the server's work is timed.
		const cases: [string, () => Promise<{ status: number; text?: string }>][] = [
			['template, 100,000 rows', () => upload(files.rows100k)],
			['template, 1,000,000 rows', () => upload(files.rows1m)],
			['zip bomb, 200 MB of XML', () => upload(files.bomb)],
			['XLSX, 300 sheets of formulas', () => upload(files.sheets)],
			[`PNG 11000×11000 (${Math.round(files.png.byteLength / 1024)} KB)`, () => logo(files.png)],
			[
				'JSON, lone surrogate (API)',
				async () => {
					const r = await api.post('/clients', { name: 'x\ud800y' });
					return { status: r.status, text: JSON.stringify(r.json) };
				}
			],
			[
				'form, NUL character',
				async () => {
					const r = await browser.post(`/o/${orgId}/assessments?/start`, { title: 'a\u0000b' });
					return { status: r.status, text: r.text };
				}
			],
			[
				'JSON, 450,000 levels deep (API, 900 KB)',
				async () => {
					const r = await api.post('/clients', files.deepApi);
					return { status: r.status, text: JSON.stringify(r.json) };
				}
			],
			[
				'JSON file, 2,500,000 levels deep (web import, 5 MB)',
				() =>
					postFile(browser, `/o/${orgId}/assessments?/import`, {
						name: 'deep.json',
						type: 'application/json',
						bytes: files.deepFile
					})
			]
		];

		await new Promise((resolve) => setTimeout(resolve, 1000));
		const idle = rssMb(pid);
		console.log(`\n${machine()}\nserver idle: ${idle.toFixed(0)} MB resident\n`);
		console.log('| input | status | refused in | longest /healthz wait | memory above idle |');
		console.log('| --- | --- | --- | --- | --- |');
		let broken = false;
		for (const [name, send] of cases) {
			const stop = watch(server.baseUrl, pid);
			const started = performance.now();
			const result = await send();
			const took = performance.now() - started;
			const { worstHealth, peakRss } = await stop();
			const above = peakRss - idle;
			const ok =
				result.status >= 400 &&
				result.status < 500 &&
				took < 2000 &&
				worstHealth < 200 &&
				above < 300;
			if (!ok) broken = true;
			console.log(
				`| ${name} | ${result.status} | ${ms(took)} | ${ms(worstHealth)} | ${above.toFixed(0)} MB |${ok ? '' : ' ✗'}`
			);
		}
		console.log(
			`\nload average after: ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`
		);
		if (broken) process.exitCode = 1;
	} finally {
		await bench.close();
	}
}

await main();
