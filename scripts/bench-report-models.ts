/**
 * The report models the PDF benchmarks render: the synthetic every-item assessment (the largest
 * report the corpus can give) and the realistic mixed one with an evidence annex.
 */
import { loadCorpus } from '../src/lib/corpus/load';
import { corpusPaths } from '../src/lib/corpus/paths';
import { corpusHash } from '../src/lib/corpus/version';
import type { Corpus } from '../src/lib/domain/corpus';
import type { ReportEvidenceFileInput } from '../src/lib/domain/report-annex';
import { buildReportModel, type ReportModel } from '../src/lib/domain/report-model';
import type { ReportLang } from '../src/lib/domain/report-text';
import { evaluateAssessment } from '../src/lib/domain/result';
import type { Answer, AnswerStatus } from '../src/lib/domain/scoring';
import { reportWords } from '../src/lib/labels/report-words';
import { mixedReportModel } from '../tests/helpers/report-fixture';

/** Every item in scope and answered — non-compliant, partial, compliant, partial, N/A in turn. */
export function syntheticAssessment(): { corpus: Corpus; answers: Answer[] } {
	const real = loadCorpus(corpusPaths().seedsDir);
	const corpus = {
		...real,
		items: real.items.map((i) => ({ ...i, applies_when: 'always' as const }))
	};
	const cycle: AnswerStatus[] = [
		'non_compliant',
		'partial',
		'compliant',
		'partial',
		'not_applicable'
	];
	const answers = corpus.items.map((item, i): Answer => {
		let status = cycle[i % cycle.length]!;
		if (status === 'not_applicable' && item.never_na) status = 'non_compliant';
		return {
			itemId: item.id,
			status,
			note:
				status === 'not_applicable'
					? '本机构不开展该项业务。We do not run this business line.'
					: `已有部分制度，尚需完善并经管理层审批（第 ${i + 1} 项）。Policy drafted; board approval pending.`,
			evidence: status === 'compliant' ? [`制度-${item.id}.pdf`] : [],
			owner: ['合规部 周敏', 'CISO', '法务部', 'Head of Operations'][i % 4]!,
			due: `2027-0${(i % 9) + 1}-15`
		};
	});
	return { corpus, answers };
}

/** The full bilingual edition of the synthetic assessment: what `bench:pdf` renders. */
export function syntheticReport(corpus: Corpus, answers: Answer[]): ReportModel {
	const profile = { org_type: 'tech_company', registered_name: '上海浦江数字科技有限公司' };
	return buildReportModel(
		{
			corpus,
			evaluation: evaluateAssessment(corpus, corpusHash(corpus), profile, answers),
			profile,
			answers,
			lang: 'both',
			firm: '上海浦江数字科技有限公司',
			consultancy: null,
			assessor: 'Benchmark',
			assessmentTitle: 'Benchmark: every item answered',
			updatedAt: new Date('2026-11-22T00:00:00Z'),
			// The full edition: every answer and the profile, as the print view shows them.
			edition: 'full'
		},
		reportWords()
	);
}

/**
 * The summary edition of the mixed assessment (tests/helpers/report-fixture.ts) with `files`
 * evidence files spread over its gaps: the report a board reads.
 */
export function summaryWithEvidence(corpus: Corpus, lang: ReportLang, files: number): ReportModel {
	const base = mixedReportModel(corpus, { lang });
	const evidenceFiles = Array.from({ length: files }, (_, i): ReportEvidenceFileInput => ({
		itemId: base.gaps[i % base.gaps.length]!.itemId,
		lineageId: `lineage-${i}`,
		version: 1 + (i % 3),
		fileName: i % 2 ? `数据安全管理制度-${i}.pdf` : `Penetration test report ${i}.docx`,
		size: 10_000 + i * 7_919,
		sha256: (i.toString(16).padStart(2, '0') + 'a3f1c2e4b5d69788').repeat(4).slice(0, 64),
		uploaderName: i % 2 ? '张敏' : 'Li Lei',
		uploadedAt: '2026-11-20T09:30:00Z',
		effectiveOn: '2026-11-21',
		expiresOn: i % 5 === 0 ? '2026-11-30' : null,
		reviewStatus: (['accepted', 'pending', 'rejected'] as const)[i % 3]!,
		needsReconfirmation: i % 7 === 0
	}));
	return mixedReportModel(corpus, { lang, edition: 'summary', evidenceFiles });
}
