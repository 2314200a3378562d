/**
 * CPU time of the PDF renderer on this thread, for comparing two builds on a shared machine
 * (wall time moves with the load; CPU time far less):
 *
 *   npx tsx scripts/bench-pdf-cpu.ts [runs] [out-dir]
 *
 * Renders the full bilingual edition of the synthetic every-item assessment (what bench:pdf
 * times) and the summary edition of the mixed assessment with 60 evidence files (zh and both),
 * once cold and `runs` times warm (default 7), and prints the median CPU time of each (user +
 * system of this process: the render is synchronous but for pdfmake's few awaits, so nothing
 * else runs meanwhile), its wall time, size and pages. With `out-dir` the PDFs are written there;
 * BENCH_CASE=summary (any part of a case's name) renders only the cases it names.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderReportPdf } from '../src/lib/server/documents/pdf/render-pdf';
import type { ReportModel } from '../src/lib/domain/report-model';
import { loadCorpus } from '../src/lib/corpus/load';
import { corpusPaths } from '../src/lib/corpus/paths';
import { summaryWithEvidence, syntheticAssessment, syntheticReport } from './bench-report-models';

const runs = Number(process.argv[2] ?? 7);
const outDir = process.argv[3] ?? null;
const corpus = loadCorpus(corpusPaths().seedsDir);
const synthetic = syntheticAssessment();
const cases = (
	[
		['full both (synthetic)', () => syntheticReport(synthetic.corpus, synthetic.answers)],
		['summary zh, 60 files', () => summaryWithEvidence(corpus, 'zh', 60)],
		['summary both, 60 files', () => summaryWithEvidence(corpus, 'both', 60)]
	] as const
).filter(([name]) => name.includes(process.env.BENCH_CASE ?? ''));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pages = (bytes: Uint8Array) =>
	(
		Buffer.from(bytes)
			.toString('latin1')
			.match(/\/Type\s*\/Page\b/g) ?? []
	).length;

async function timed(model: ReportModel) {
	const cpu = process.cpuUsage();
	const start = performance.now();
	const bytes = await renderReportPdf(model);
	const wall = performance.now() - start;
	const used = process.cpuUsage(cpu);
	return { cpu: (used.user + used.system) / 1000, wall, bytes };
}

console.log(
	`${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, node ${process.version}, load ${os
		.loadavg()
		.map((l) => l.toFixed(1))
		.join(' ')}`
);
for (const [name, build] of cases) {
	const model: ReportModel = build();
	const cold = await timed(model);
	const cpu: number[] = [];
	const wall: number[] = [];
	let bytes = cold.bytes;
	for (let i = 0; i < runs; i++) {
		const run = await timed(model);
		cpu.push(run.cpu);
		wall.push(run.wall);
		bytes = run.bytes;
	}
	if (outDir) {
		fs.mkdirSync(outDir, { recursive: true });
		fs.writeFileSync(path.join(outDir, `${name.replace(/[^a-z0-9]+/gi, '-')}.pdf`), bytes);
	}
	console.log(
		`${name.padEnd(24)} cold ${cold.cpu.toFixed(0).padStart(5)} ms CPU  warm ${median(cpu)
			.toFixed(0)
			.padStart(
				5
			)} ms CPU (min ${Math.min(...cpu).toFixed(0)}, wall ${median(wall).toFixed(0)} ms)  ${(
			bytes.byteLength / 1024
		).toFixed(0)} KiB  ${pages(bytes)} pages`
	);
}
console.log(
	`load after: ${os
		.loadavg()
		.map((l) => l.toFixed(1))
		.join(' ')}`
);
