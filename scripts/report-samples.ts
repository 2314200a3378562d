// Renders the realistic mixed assessment (tests/helpers/report-fixture.ts) in every language and
// edition, prints pages and render time, and writes the PDFs to the folder given (default
// /tmp/report-samples): `npx tsx scripts/report-samples.ts [dir]`. The page images under
// docs/report/ are made from these with `pdftoppm -r 50 -png`.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { loadCorpus } from '../src/lib/corpus/load';
import { corpusPaths } from '../src/lib/corpus/paths';
import { buildReportModel } from '../src/lib/domain/report-model';
import { evaluateAssessment } from '../src/lib/domain/result';
import { reportLangs, reportEditions } from '../src/lib/domain/report-text';
import { reportWords } from '../src/lib/labels/report-words';
import { renderReportPdf } from '../src/lib/server/documents/pdf/render-pdf';
import { mixedAssessment } from '../tests/helpers/report-fixture';

const dir = process.argv[2] ?? '/tmp/report-samples';
fs.mkdirSync(dir, { recursive: true });
const corpus = loadCorpus(corpusPaths().seedsDir);
const { profile, answers } = mixedAssessment(corpus);
const evaluation = evaluateAssessment(corpus, 'a'.repeat(64), profile, answers);
console.log(
	`in scope ${evaluation.result.applicable.length}, gaps ${evaluation.score.gaps.length}, verdict ${evaluation.score.verdict}`
);
for (const lang of reportLangs)
	for (const edition of reportEditions) {
		const model = buildReportModel(
			{
				corpus,
				evaluation,
				profile,
				answers,
				lang,
				edition,
				firm: '上海浦江财富管理科技有限公司',
				consultancy: '明理咨询',
				assessor: '王芳',
				assessmentTitle: '2026 沙盒预检',
				updatedAt: new Date('2026-11-22T02:00:00Z'),
				state: 'draft',
				today: '2026-12-01'
			},
			reportWords()
		);
		const started = performance.now();
		const bytes = await renderReportPdf(model);
		const ms = performance.now() - started;
		const file = path.join(dir, `${lang}-${edition}.pdf`);
		fs.writeFileSync(file, bytes);
		const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1];
		console.log(`${lang.padEnd(4)} ${edition.padEnd(7)} ${pages} pages  ${ms.toFixed(0)} ms`);
	}
