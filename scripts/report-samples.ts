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
				today: '2026-12-01',
				// Where the first actions stand, and the consultant's words, as a consultant leaves them.
				actionStatuses: Object.fromEntries(
					evaluation.score.gaps
						.slice(0, 6)
						.map((g, i) => [g.itemId, i % 3 === 0 ? 'done' : i % 3 === 1 ? 'in_progress' : 'open'])
				),
				voice: {
					statement: {
						version: 2,
						by: '王芳',
						at: '2026-11-22T02:00:00Z',
						opinion: {
							zh: '公司名称中的“财富管理”字样与现有牌照不符，须在申请监管沙箱前更名或取得相应牌照；客户资金与个人信息两方面的差距须在三个月内整改。在此之前，我们不建议提交创新应用申请。',
							en: 'The words “wealth management” in the registered name do not match the licences held: rename the firm or obtain the licence before applying to the sandbox. The client-funds and personal-information gaps need fixing within three months; until then we advise against filing the innovation application.'
						},
						scope: {
							zh: '依据 2026 年 11 月提供的制度文件与访谈记录；未对系统进行技术测试。',
							en: 'Based on the policies and interview notes provided in November 2026; no technical testing of systems.'
						}
					},
					observations: Object.fromEntries(
						evaluation.score.gaps.slice(0, 2).map((g) => [
							g.itemId,
							{
								itemId: g.itemId,
								version: 1,
								by: '王芳',
								at: '2026-11-22T02:00:00Z',
								text: {
									zh: '访谈中管理层确认该事项尚无负责人，建议本月内指定。',
									en: 'Management confirmed in interview that nobody owns this yet; name an owner this month.'
								}
							}
						])
					)
				}
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
