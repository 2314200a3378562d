import { seedsCorpus } from '../../src/lib/corpus/seeds-corpus';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportModel } from '../../src/lib/domain/report-model';
import { evaluateAssessment } from '../../src/lib/domain/result';
import type { Answer } from '../../src/lib/domain/scoring';
import {
	estimateTypedTextPages,
	TYPED_TEXT_PAGE_BUDGET
} from '../../src/lib/server/documents/pdf/page-budget';
import { renderReportPdf } from '../../src/lib/server/documents/pdf/render-pdf';
import { techCompanyReport } from '../helpers/report-fixture';

const corpus = seedsCorpus();
const profile = { org_type: 'tech_company', registered_name: '测试科技有限公司' };
const applicable = evaluateAssessment(corpus, 'a'.repeat(64), profile, []).result.applicable;

/** A report with `count` gaps, each with `note`. */
function model(
	count: number,
	note: string,
	lang: ReportModel['lang'] = 'zh',
	edition: ReportModel['edition'] = 'summary'
): ReportModel {
	const answers: Answer[] = applicable.slice(0, count).map((itemId) => ({
		itemId,
		status: 'non_compliant',
		note,
		evidence: [],
		owner: null,
		due: null
	}));
	return techCompanyReport(corpus, answers, lang, edition);
}

const chinese = '数据安全管理制度已制定'.repeat(500).slice(0, 5000);
const english = 'The data security policy is approved and reviewed yearly. '
	.repeat(90)
	.slice(0, 5000);

function pages(bytes: Uint8Array): number {
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'budget-')), 'r.pdf');
	fs.writeFileSync(file, bytes);
	return Number(execFileSync('pdfinfo', [file], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)![1]);
}

describe('the report page budget', () => {
	it('puts 30 notes of 5,000 characters over the budget in the full edition, Chinese or English, naming the longest', () => {
		for (const note of [chinese, english]) {
			// The full edition prints each note twice (its gap, the appendix of every answer).
			const estimate = estimateTypedTextPages(model(30, note, 'both', 'full'));
			expect(estimate.pages).toBeGreaterThan(TYPED_TEXT_PAGE_BUDGET);
			expect(estimate.longest).toHaveLength(5);
			expect(applicable.slice(0, 30)).toEqual(
				expect.arrayContaining(estimate.longest.map((i) => i.itemId))
			);
		}
	});

	it('leaves ordinary reports well inside it: every item answered with a few sentences', () => {
		const estimate = estimateTypedTextPages(
			model(applicable.length, 'Policy approved by the board in March; reviewed yearly. 已备案。')
		);
		expect(estimate.pages).toBeLessThan(TYPED_TEXT_PAGE_BUDGET / 3);
	});

	for (const edition of ['summary', 'full'] as const)
		it(
			`estimates within a third of what the renderer lays out (${edition} edition)`,
			{
				timeout: 120_000
			},
			async () => {
				// Four gaps: each note is printed in its gap (about 3 pages), and again in the full edition's
				// appendix of every answer.
				const without = pages(await renderReportPdf(model(4, '', 'zh', edition)));
				const withNotes = model(4, chinese, 'zh', edition);
				const added = pages(await renderReportPdf(withNotes)) - without;
				const estimated = estimateTypedTextPages(withNotes).pages;
				expect(added).toBeGreaterThan(10);
				expect(estimated).toBeGreaterThan(added * 0.67);
				expect(estimated).toBeLessThan(added * 1.33);
			}
		);
});
