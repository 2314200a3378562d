import { seedsCorpus } from '../../src/lib/corpus/seeds-corpus';
import { describe, expect, it } from 'vitest';
import { buildReportModel, type ReportInput } from '../../src/lib/domain/report-model';
import type { ReportLang } from '../../src/lib/domain/report-text';
import type { Profile } from '../../src/lib/domain/profile';
import { evaluateAssessment } from '../../src/lib/domain/result';
import type { Answer } from '../../src/lib/domain/scoring';
import { methodology } from '../../src/lib/domain/methodology';
import { reportWords } from '../../src/lib/labels/report-words';

const corpus = seedsCorpus();
const words = reportWords();

const profile: Profile = {
	org_type: 'tech_company',
	registered_name: '上海浦江财富管理科技有限公司',
	business_scope: '软件开发',
	licences: [],
	business_lines: ['robo_advice', 'tech_services'],
	personal_information: '100k_to_1m',
	cross_border_data: false,
	client_funds: false,
	retail_customers: true,
	elderly_customers: false,
	ftz_lingang: false,
	target_sandbox: 'pboc_joint'
};

function answer(itemId: string, status: Answer['status'], extra: Partial<Answer> = {}): Answer {
	return { itemId, status, note: '', evidence: [], owner: null, due: null, ...extra };
}

const given: Answer[] = [
	answer('LIC-001', 'non_compliant', { note: '无牌照', owner: 'CEO', due: '2027-01-31' }),
	answer('LIC-005', 'partial', { note: 'Register kept' }),
	answer('NAM-001', 'compliant'),
	answer('ESG-002', 'not_applicable', { note: 'No loan book' }),
	// Client funds are out of scope for this profile: kept, listed, not counted.
	answer('FND-001', 'partial', { note: 'Custody pending' })
];
// Every other obligation and entry condition answered compliant, so that the verdict can speak.
const answers: Answer[] = [
	...given,
	...evaluateAssessment(corpus, 'x', profile, [])
		.result.applicable.filter(
			(id) =>
				!given.some((a) => a.itemId === id) &&
				corpus.items.find((i) => i.id === id)!.basis !== 'good_practice'
		)
		.map((id) => answer(id, 'compliant'))
];

function model(lang: ReportLang, overrides: Partial<ReportInput> = {}) {
	const p = overrides.profile ?? profile;
	const a = overrides.answers ?? answers;
	return buildReportModel(
		{
			corpus,
			evaluation: evaluateAssessment(corpus, 'f'.repeat(64), p, a),
			profile: p,
			answers: a,
			lang,
			firm: '浦江数科有限公司',
			consultancy: null,
			assessor: 'Li Lei',
			assessmentTitle: '2026 自评',
			updatedAt: new Date('2026-11-22T18:30:00Z'),
			...overrides
		},
		words
	);
}

describe('report model', () => {
	it('lists the gaps most severe first, in the order the score gives them', () => {
		const m = model('en');
		const evaluation = evaluateAssessment(corpus, 'x', profile, answers);
		expect(m.gaps.map((g) => g.itemId)).toEqual(evaluation.score.gaps.map((g) => g.itemId));
		const ranks = m.gaps.map((g) => ['critical', 'high', 'medium', 'low'].indexOf(g.severity));
		expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
		expect(m.gaps.find((g) => g.itemId === 'LIC-001')).toMatchObject({
			severity: 'critical',
			statusLabel: { main: 'Non-compliant', alt: null },
			note: '无牌照',
			owner: 'CEO',
			due: '2027-01-31'
		});
	});

	it('quotes every provision in Chinese, with its citation, and the English summary only in en and both', () => {
		const zh = model('zh').gaps.find((g) => g.itemId === 'NAM-002') ?? model('zh').gaps[0]!;
		const p = zh.provisions[0]!;
		const source = corpus.provisions.find((x) => x.id === p.id)!;
		expect(p.textZh).toBe(source.text_zh);
		expect(p.citation).toContain(source.label);
		expect(p.summaryEn).toBeNull();
		const both = model('both').gaps.find((g) => g.itemId === zh.itemId)!;
		expect(both.provisions[0]!.textZh).toBe(source.text_zh);
		expect(both.provisions[0]!.summaryEn).toBe(source.summary_en);
	});

	it('chooses every text per language: Chinese, English, or Chinese with English beside it', () => {
		const zh = model('zh');
		const en = model('en');
		const both = model('both');
		expect(zh.labels.gapRegister).toEqual({ main: '差距清单', alt: null });
		expect(en.labels.gapRegister).toEqual({ main: 'Gap register', alt: null });
		expect(both.labels.gapRegister).toEqual({ main: '差距清单', alt: 'Gap register' });
		expect(en.summary.verdictLabel.main).toBe('Not ready');
		expect(both.summary.verdictLabel).toEqual({ main: '尚未就绪', alt: 'Not ready' });
		expect(en.summary.reasons[0]!.main).toMatch(/critical items? not fully compliant: .*LIC-001/);
		expect(both.gaps.find((g) => g.itemId === 'LIC-001')!.question.alt).toBe(
			corpus.items.find((i) => i.id === 'LIC-001')!.question.en
		);
		expect(en.labels.pageOf.main).toBe('Page {page} of {pages}');
	});

	it('lists N/A answers with their reasons and the items the profile excludes with why', () => {
		const m = model('en');
		expect(m.notApplicable).toEqual([
			expect.objectContaining({ itemId: 'ESG-002', reason: 'No loan book' })
		]);
		const funds = m.excluded.find((e) => e.itemId === 'FND-001')!;
		expect(funds.reason.main).toMatch(/customer funds/i);
		expect(m.answers.find((a) => a.itemId === 'FND-001')).toMatchObject({ counted: false });
		expect(m.answers.find((a) => a.itemId === 'LIC-001')).toMatchObject({ counted: true });
	});

	it('shows the profile answers by their labels and the restricted-word findings with the provision', () => {
		const m = model('both');
		const orgType = m.profile.find((p) => p.id === 'org_type')!;
		expect(orgType.label).toEqual({ main: '机构类型', alt: 'Type of organisation' });
		expect(orgType.answer).toEqual({
			main: '科技企业（非持牌）',
			alt: 'Technology company (unlicensed)'
		});
		expect(m.profile.find((p) => p.id === 'client_funds')!.answer).toEqual({
			main: '否',
			alt: 'No'
		});
		expect(m.findings[0]!.text.main).toContain('财富管理');
		expect(m.findings[0]!.provisions[0]!.citation).toContain('第五十条第三款');
	});

	it('carries the methodology page text, paragraph by paragraph in both languages', () => {
		const zh = methodology('zh');
		const en = methodology('en');
		expect(zh.sections.map((s) => s.body.length)).toEqual(en.sections.map((s) => s.body.length));
		const both = model('both').methodology;
		expect(both.title).toEqual({ main: zh.title, alt: en.title });
		expect(both.sections[1]!.body[0]).toEqual({
			main: zh.sections[1]!.body[0],
			alt: en.sections[1]!.body[0]
		});
		expect(zh.sections.map((s) => s.id)).toEqual(en.sections.map((s) => s.id));
	});

	it('prints the disclaimer once, at the end, not again inside the methodology', () => {
		const both = model('both');
		const headings = both.methodology.sections.map((s) => s.heading.alt);
		expect(headings).toEqual(['Scope', 'Weights and score', 'Verdict']);
		expect(both.labels.disclaimerText.main).toContain('不构成法律意见');
	});

	it('dates the report from the content, in Shanghai time', () => {
		const m = model('zh');
		expect(m.cover.date).toBe('2026-11-23');
		expect(m.meta.createdAt).toBe('2026-11-22T18:30:00.000Z');
		expect(model('zh')).toEqual(m);
	});

	it('prints an article only where it was verified; any other pointer reads “article to be confirmed”', () => {
		const both = model('both');
		const rules = both.gaps.concat(both.goodPractice.items).flatMap((g) => {
			const item = corpus.items.find((i) => i.id === g.itemId)!;
			return g.relatedRules.map((r, k) => ({ shown: r, rule: item.related_rules[k]! }));
		});
		const toConfirm = rules.filter(({ rule }) => rule.article === null || rule.source === null);
		expect(toConfirm.length).toBeGreaterThan(0);
		for (const { shown, rule } of rules) {
			if (rule.article !== null && rule.source !== null && rule.verification === 'verified') {
				expect(shown.article).toBe(rule.article);
				expect(shown.verification).toEqual({ main: '条款已核验', alt: 'article verified' });
			} else {
				expect(shown.article).toBeNull();
				expect(shown.verification.main).toMatch(/^待核实条款/);
				expect(shown.verification.alt).toMatch(/^article to be confirmed/);
			}
		}
	});

	it('shows each gap’s basis and each quote’s force, and good practice apart from the gaps', () => {
		const both = model('both');
		const lic = both.gaps.find((g) => g.itemId === 'LIC-001')!;
		expect(lic.basisLabel).toEqual({ main: '法定义务', alt: 'Obligation' });
		for (const quote of both.gaps.flatMap((g) => g.provisions)) {
			const force = corpus.provisions.find((p) => p.id === quote.id)!.force;
			const expected =
				force === 'must' || force === 'must_not'
					? 'binding'
					: force === 'context'
						? 'context'
						: 'encouraged';
			expect(quote.force).toBe(expected);
			expect(quote.forceLabel.alt).toMatch(
				{
					binding: /^Binding \(a must or must-not: the firm has to comply\)$/,
					encouraged: /^Encouraged \(only urged or permitted: not required of the firm\)$/,
					context: /^Context \(describes policy or the government's role: no duty on the firm\)$/
				}[expected]
			);
		}
		// LIC-005 (a register of financial activities) is good practice: an opportunity, not a gap.
		expect(both.gaps.map((g) => g.itemId)).not.toContain('LIC-005');
		expect(both.goodPractice.items.map((g) => g.itemId)).toContain('LIC-005');
		// A good practice not adopted is "not yet in place", never "non-compliant".
		const lic005 = both.goodPractice.items.find((g) => g.itemId === 'LIC-005')!;
		expect(lic005.statusLabel).toEqual({ main: '部分采用', alt: 'Partly in place' });
		// Every gap keeps the answer's own word.
		const twoGaps = model('both', {
			answers: answers.map((a) =>
				a.itemId === 'NAM-001' ? { ...a, status: 'partial' as const } : a
			)
		});
		expect(twoGaps.gaps.length).toBeGreaterThan(1);
		for (const gap of twoGaps.gaps)
			expect(gap.statusLabel.main).toBe(words.zh.statusLabel[gap.status]);
		expect(both.labels.goodPractice).toEqual({
			main: '政策契合与良好实践',
			alt: 'Policy alignment and good practice'
		});
		expect(both.summary.lawCurrentAsOf?.alt).toMatch(/^Law current as of \d{4}-\d{2}-\d{2}$/);
	});

	it('builds a report for an empty assessment: no profile, nothing answered', () => {
		const m = model('both', { profile: {}, answers: [] });
		expect(m.profile.every((p) => p.answer === null)).toBe(true);
		expect(m.answers).toEqual([]);
		expect(m.notApplicable).toEqual([]);
		// Nothing answered: no score but the words, no verdict yet, and unanswered items are not gaps.
		expect(m.summary.scoreText).toBe('暂不评定 / Not yet assessed');
		expect(m.domains.every((d) => !d.assessed && d.scoreText === m.summary.scoreText)).toBe(true);
		expect(m.summary.verdict).toBe('not_assessed');
		expect(m.summary.verdictLabel).toEqual({ main: '暂不评定', alt: 'Not yet assessed' });
		expect(m.gaps).toEqual([]);
		expect(m.summary.totalGaps).toBe(0);
		expect(m.notAssessed.length).toBeGreaterThan(0);
		expect(m.actions).toEqual([]);
	});
});
