/**
 * The gap report, rendered both ways from one synthetic assessment: every item in scope and
 * answered, many gaps, bilingual. pdfmake on a worker thread (as the server does) against headless
 * Chromium printing the HTML print view of the same report model.
 *
 *   npm run bench:pdf
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { ReportModel } from '../src/lib/domain/report-model';
import { fontFiles } from '../src/lib/server/documents/pdf/fonts';
import { RenderPool } from '../src/lib/server/documents/pdf/worker-pool';
import { syntheticAssessment, syntheticReport } from './bench-report-models';

const WARM_RUNS = 7;
const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(0)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

async function printViewHtml(report: ReportModel): Promise<string> {
	const vite = await createServer({
		configFile: false,
		logLevel: 'error',
		plugins: [svelte()],
		resolve: { alias: { $lib: path.resolve('src/lib') } },
		server: { middlewareMode: true, hmr: false },
		appType: 'custom'
	});
	try {
		const { reportHtml } = (await vite.ssrLoadModule('/scripts/bench-html.ts')) as {
			reportHtml(m: ReportModel): string;
		};
		const css = fs.readFileSync('src/lib/components/report/report-print.css', 'utf8');
		// Chromium gets the same font file pdfmake embeds, so both set the same glyphs.
		const font = `@font-face { font-family: 'Noto Sans SC'; src: url('file://${fontFiles.normal}'); }
@font-face { font-family: 'Noto Sans SC'; font-weight: bold; src: url('file://${fontFiles.bold}'); }`;
		return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>${font}\n${css}</style></head><body>${reportHtml(report)}</body></html>`;
	} finally {
		await vite.close();
	}
}

/** Headless Chromium printing one HTML file to PDF, from a fresh page load each time. */
async function chromiumPrinter(html: string) {
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-pdf-')), 'report.html');
	fs.writeFileSync(file, html);
	const launchStart = performance.now();
	const browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		args: CHROMIUM_ARGS
	});
	const launchMs = performance.now() - launchStart;
	const page = await browser.newPage();
	return {
		launchMs,
		async print() {
			const start = performance.now();
			await page.goto(`file://${file}`, { waitUntil: 'load' });
			await page.evaluate(() => document.fonts.ready.then(() => undefined));
			const bytes = await page.pdf({ format: 'A4', printBackground: true });
			return { ms: performance.now() - start, bytes };
		},
		close: () => browser.close()
	};
}

const { corpus, answers } = syntheticAssessment();
const report = syntheticReport(corpus, answers);
const html = await printViewHtml(report);
const pool = new RenderPool(1);
const printer = await chromiumPrinter(html);
// Cold: a new worker's first report (module load, font parse, empty caches); Chromium's first
// print after launch. Warm: the median of alternating runs, so both meet the same machine load.
const coldStart = performance.now();
const first = await pool.render(report);
const pdfmakeCold = performance.now() - coldStart;
if (first.renderer !== 'worker') throw new Error('the pool rendered inline, not on a worker');
const chromeFirst = await printer.print();
const pdfmakeWarm: number[] = [];
const chromeWarm: number[] = [];
let pdfmakeBytes = first.bytes;
let chromeBytes = chromeFirst.bytes;
for (let i = 0; i < WARM_RUNS; i++) {
	const rendered = await pool.render(report);
	pdfmakeWarm.push(rendered.ms);
	pdfmakeBytes = rendered.bytes;
	const printed = await printer.print();
	chromeWarm.push(printed.ms);
	chromeBytes = printed.bytes;
}
await pool.close();
await printer.close();
const pdfmake = { coldMs: pdfmakeCold, warmMs: median(pdfmakeWarm), bytes: pdfmakeBytes };
const chrome = {
	launchMs: printer.launchMs,
	coldMs: chromeFirst.ms,
	warmMs: median(chromeWarm),
	bytes: chromeBytes
};
const pages = (bytes: Uint8Array) =>
	(
		Buffer.from(bytes)
			.toString('latin1')
			.match(/\/Type\s*\/Page\b/g) ?? []
	).length;

console.log(
	`Bilingual gap report: ${report.gaps.length} gaps, ${report.answers.length} answers, ${corpus.items.length} items`
);
console.log(
	`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, node ${process.version}`
);
console.log(
	`pdfmake (worker)   cold ${ms(pdfmake.coldMs)}  warm ${ms(pdfmake.warmMs)}  ${kb(pdfmake.bytes.byteLength)}  ${pages(pdfmake.bytes)} pages`
);
console.log(
	`chromium print     cold ${ms(chrome.coldMs)}  warm ${ms(chrome.warmMs)}  ${kb(chrome.bytes.byteLength)}  ${pages(chrome.bytes)} pages  (launch ${ms(chrome.launchMs)})`
);
console.log(`ratio pdfmake/chromium (warm): ${(pdfmake.warmMs / chrome.warmMs).toFixed(2)}`);
console.log(`pdfmake file ≤ 1 MB: ${pdfmake.bytes.byteLength <= 1_000_000 ? 'yes' : 'no'}`);
