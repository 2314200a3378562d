import { seedsCorpus } from '../../src/lib/corpus/seeds-corpus';
import { describe, expect, it } from 'vitest';
import { clip, type ReportInput } from '../../src/lib/domain/report-model';
import { evaluateAssessment } from '../../src/lib/domain/result';
import type { Answer } from '../../src/lib/domain/scoring';
import { renderReportPdf } from '../../src/lib/server/documents/pdf/render-pdf';
import { mixedAssessment, mixedProfile, mixedReportModel } from '../helpers/report-fixture';
import {
	catalogue,
	eachPageSqueezed,
	outlineTitles,
	pageCount,
	pagesText,
	formXObjects,
	streamsFilling,
	streamsPlacingFormIn
} from '../helpers/report-pdf';
import { WATERMARK_COLOUR } from '../../src/lib/server/documents/pdf/pdf-watermark';

const corpus = seedsCorpus();
const SLOW = 120_000;
const mixed = mixedAssessment(corpus);

const model = (overrides: Partial<ReportInput> = {}) => mixedReportModel(corpus, overrides);

/** Text with every space and line break taken out: a quote broken over lines still matches. */
const squeezed = (t: string) => t.replace(/\s+/g, '');

describe('the report model: state, editions, actions', () => {
	it('the mixed fixture is realistic: about 100 items in scope and 15–25 gaps', () => {
		const m = model();
		const applicable = evaluateAssessment(corpus, 'x', mixedProfile, mixed.answers).result
			.applicable.length;
		expect(applicable).toBeGreaterThanOrEqual(90);
		expect(applicable).toBeLessThanOrEqual(130);
		expect(m.gaps.length).toBeGreaterThanOrEqual(15);
		expect(m.gaps.length).toBeLessThanOrEqual(25);
	});

	it('puts unanswered items in the not-yet-assessed list, never among the gaps', () => {
		const m = model();
		expect(m.notAssessed.length).toBeGreaterThan(0);
		const gapIds = new Set(m.gaps.map((g) => g.itemId));
		for (const n of m.notAssessed) expect(gapIds.has(n.itemId)).toBe(false);
		expect(m.actions.map((a) => a.itemId).sort()).toEqual([...gapIds].sort());
	});

	it('sorts the actions by due date then severity, and counts the overdue ones against today', () => {
		const m = model();
		const dues = m.actions.map((a) => a.due ?? '9999');
		expect(dues).toEqual([...dues].sort());
		const overdue = m.actions.filter((a) => a.due !== null && a.due < '2026-12-01');
		expect(overdue.length).toBeGreaterThan(0);
		expect(m.executive.overdue).toBe(overdue.length);
		expect(m.actions.filter((a) => a.overdue)).toEqual(overdue);
		// Without today no action is flagged: the content does not depend on the date.
		expect(model({ today: null }).executive.overdue).toBe(0);
	});

	it('lists the profile red flag first among the top risks, in words, not item ids', () => {
		const m = model();
		expect(m.executive.topRisks[0]!.main).toContain('财富管理');
		for (const r of m.executive.topRisks) expect(r.main).not.toMatch(/^[A-Z]{3}-\d{3}/);
	});

	it('numbers each cited provision once and refers to it from every gap with its force', () => {
		const m = model();
		const ids = m.lawAnnex.map((a) => a.quote.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(m.lawAnnex.map((a) => a.n)).toEqual(ids.map((_, i) => i + 1));
		for (const g of m.gaps)
			for (const r of g.refs) {
				expect(m.lawAnnex[r.n - 1]!.quote.id).toBe(r.id);
				expect(['binding', 'encouraged', 'context']).toContain(r.force);
			}
	});

	it('clips a risk or an action for the summary at a break, to its first step, with an ellipsis', () => {
		expect(clip('1. 盘点全部产品；2. 逐一核对', false)).toBe('盘点全部产品');
		const long =
			'本机构是否只在所持金融许可的范围内吸收资金，而从不以任何形式（App、小程序、社群、线下推介，或会员费、预付费、积分等名义）向不特定对象吸收资金？';
		const short = clip(long, false);
		expect(short.endsWith('…')).toBe(true);
		expect(short.length).toBeLessThanOrEqual(61);
		expect(long.startsWith(short.slice(0, -1))).toBe(true);
		expect(clip('Short enough.', true)).toBe('Short enough.');
	});

	it('names the questionnaire version by a short label, never the 64-character hash', () => {
		const m = model();
		expect(JSON.stringify(m.cover)).not.toContain('ab12cd34'.repeat(8));
		expect(m.cover.versionLabel.main).toContain('ab12cd34');
	});
});

describe('the report PDF, read back', () => {
	it(
		'summary edition of a mixed assessment in Chinese: ≤ 25 pages, risks and actions on pages 1–2, each provision quoted once, bookmarks for every gap',
		async () => {
			const m = model();
			const bytes = await renderReportPdf(m);
			const pages = pageCount(bytes);
			expect(pages).toBeLessThanOrEqual(25);

			const cover = pagesText(bytes, 1, 1);
			expect(cover).toContain('状态');
			expect(cover).toContain('草稿');
			expect(cover).toContain('保密');
			expect(cover).not.toMatch(/[0-9a-f]{64}/);
			expect(cover).not.toContain('CLI');

			const first = pagesText(bytes, 1, 2);
			expect(first).toContain('主要风险');
			expect(first).toContain('登记名称含有“财富管理”');
			expect(first).toContain('首要整改措施');
			expect(first).toContain('已逾期的整改措施');
			expect(first).toMatch(/合规部 张敏|CTO 李雷|法务 王芳|Data Protection Officer/);
			// The executive summary is two pages: its last part, good practice, is on page 3.
			expect(pagesText(bytes, 2, 3)).toContain(m.labels.goodPracticeResults.main);

			// Each provision's words printed once: in the annex, not beside every gap.
			const all = squeezed(pagesText(bytes));
			for (const { quote } of m.lawAnnex) {
				const words = squeezed(quote.textZh).slice(0, 24);
				expect(all.split(words).length - 1, quote.id).toBe(1);
			}

			const outline = outlineTitles(bytes);
			for (const [i, g] of m.gaps.entries())
				expect(outline).toContain(`${i + 1}. ${g.itemId} ${g.severityLabel.main}`);
			for (const section of [m.labels.executiveSummary, m.labels.gapRegister, m.labels.actionPlan])
				expect(outline).toContain(section.main);
			expect(catalogue(bytes)).toEqual({ lang: 'zh-CN', displayTitle: true });
		},
		SLOW
	);

	it(
		'marks every page of an English draft with the watermark, and none of a final one, which names its reviewer',
		async () => {
			const draft = await renderReportPdf(model({ lang: 'en', state: 'draft' }));
			// The watermark is drawn as outlines (not text), once, and placed in its colour on each page.
			expect(streamsPlacingFormIn(draft, WATERMARK_COLOUR)).toBe(pageCount(draft));
			expect(formXObjects(draft)).toHaveLength(1);
			expect(formXObjects(draft)[0]).toMatch(/ m\n[\s\S]* l\n[\s\S]*\nf\n$/);
			// The running header names the state as text on every page after the cover.
			expect(
				eachPageSqueezed(draft)
					.slice(1)
					.every((p) => p.includes('Draft'))
			).toBe(true);
			const review = await renderReportPdf(model({ lang: 'en', state: 'in_review' }));
			expect(streamsPlacingFormIn(review, WATERMARK_COLOUR)).toBe(pageCount(review));
			expect(
				eachPageSqueezed(review)
					.slice(1)
					.every((p) => p.includes('Inreview'))
			).toBe(true);

			const final = await renderReportPdf(
				model({
					lang: 'en',
					state: 'final',
					signOff: { reviewer: 'Zhou Qiang', date: '2026-11-30' }
				})
			);
			expect(streamsFilling(final, WATERMARK_COLOUR)).toBe(0);
			expect(formXObjects(final)).toHaveLength(0);
			const finalPages = eachPageSqueezed(final).join('');
			expect(finalPages).not.toContain('report·Draft');
			expect(finalPages).not.toContain('report·Inreview');
			expect(
				eachPageSqueezed(final)
					.slice(1)
					.every((p) => p.includes('report·Final'))
			).toBe(true);
			const cover = pagesText(final, 1, 1);
			expect(cover).toContain('Reviewer');
			expect(cover).toContain('Zhou Qiang');
			expect(cover).toContain('2026-11-30');
			expect(cover).toContain('Final');
			expect(catalogue(final).lang).toBe('en');
		},
		SLOW
	);

	it(
		'says "not yet assessed" for an almost-empty assessment, in both languages, with no gaps made of unanswered items',
		async () => {
			const answers: Answer[] = mixed.answers.slice(0, 2);
			const m = model({ lang: 'both', answers });
			expect(m.summary.verdict).toBe('not_assessed');
			expect(m.gaps.length).toBeLessThanOrEqual(2);
			const bytes = await renderReportPdf(m);
			const summary = pagesText(bytes, 2, 2);
			expect(summary).toContain('暂不评定');
			expect(summary).toContain('Not yet assessed');
			expect(m.domains.filter((d) => !d.assessed).length).toBeGreaterThan(0);
			// No percentage stands in for an unassessed verdict or domain.
			expect(summary).not.toMatch(/\b0%/);
			expect(summary).not.toMatch(/^\s*\d+%\s*$/m);
			const text = pagesText(bytes);
			expect(text).toContain('尚未评估的检查项');
			expect(text).toContain('Items not yet assessed');
			for (const id of m.notAssessed.slice(0, 5).map((n) => n.itemId)) expect(text).toContain(id);
		},
		SLOW
	);

	it(
		'the full edition adds every answer, the excluded items and the profile; the summary leaves them out',
		async () => {
			const summary = pagesText(await renderReportPdf(model({ lang: 'en' })));
			const full = pagesText(await renderReportPdf(model({ lang: 'en', edition: 'full' })));
			for (const heading of ['Appendix: every answer', 'Items the profile excludes']) {
				expect(full).toContain(heading);
				expect(summary).not.toContain(heading);
			}
			expect(full).toContain('Full edition');
			expect(summary).toContain('Summary edition');
		},
		SLOW
	);
});
