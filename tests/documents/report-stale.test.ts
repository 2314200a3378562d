import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/lib/corpus/load';
import { corpusPaths } from '../../src/lib/corpus/paths';
import type { StaleWarning } from '../../src/lib/domain/staleness';
import { renderReportDocx } from '../../src/lib/server/documents/docx/render-docx';
import { renderReportPdf } from '../../src/lib/server/documents/pdf/render-pdf';
import { mixedReportModel } from '../helpers/report-fixture';
import { pdfText, squash } from '../helpers/pdf';

const corpus = loadCorpus(corpusPaths().seedsDir);

const stale: StaleWarning[] = [
	{ kind: 'filing_passed', date: '2026-11-15' },
	{
		kind: 'provision_lapsed',
		standing: 'expired',
		ids: ['fyp2021.m23'],
		date: '2025-12-31',
		by: null,
		answeredBefore: 2
	},
	{ kind: 'evidence_expired', file: '营业执照.pdf', itemId: 'LIC-001', date: '2026-10-01' }
];

describe('the gap report on stale material', { timeout: 60_000 }, () => {
	it('says nothing when nothing has lapsed', () => {
		expect(mixedReportModel(corpus).summary.stale).toEqual([]);
	});

	it('lists each warning in the report language, both in a bilingual report', () => {
		const zh = mixedReportModel(corpus, { stale }).summary.stale;
		expect(zh.map((t) => t.main)).toEqual([
			expect.stringContaining('计划申报日期 2026-11-15 已过'),
			expect.stringContaining('上海国际金融中心建设“十四五”规划 23 已于 2025-12-31 失效'),
			expect.stringContaining('“营业执照.pdf”（LIC-001）已于 2026-10-01 到期')
		]);
		expect(zh[1]!.main).toContain('2 个相关答案作于失效之前');
		const both = mixedReportModel(corpus, { stale, lang: 'both' }).summary.stale;
		expect(both[1]!.alt).toContain(
			'no longer in force since 2025-12-31: 14th Five-Year Plan for the Shanghai International Financial Centre, Item 23.'
		);
	});

	it('prints them under their heading in the Word file and the PDF', async () => {
		const model = mixedReportModel(corpus, { stale });
		const xml = strFromU8(unzipSync(await renderReportDocx(model))['word/document.xml']!);
		expect(xml).toContain('时效提示');
		expect(xml).toContain('上海国际金融中心建设“十四五”规划 23 已于 2025-12-31 失效');
		const text = squash(pdfText(await renderReportPdf(model)));
		expect(text).toContain(squash('时效提示'));
		expect(text).toContain(squash('计划申报日期 2026-11-15 已过'));
		expect(text).toContain(squash('已于 2026-10-01 到期'));
	});
});
