import { describe, expect, it } from 'vitest';
import { scoreAssessment, SEVERITY_WEIGHTS } from './scoring';
import { answersOf, makeItem } from './test-fixtures';

const critical = makeItem('LIC-001', 'critical');
const high = makeItem('LIC-002', 'high');
const medium = makeItem('CPG-001', 'medium', { domain: 'consumer_protection' });
const low = makeItem('ESG-001', 'low', { domain: 'esg' });
const all = [critical, high, medium, low];

describe('scoreAssessment', () => {
	it('gives full marks and a ready verdict when everything is compliant', () => {
		const result = scoreAssessment(
			all,
			answersOf({
				'LIC-001': 'compliant',
				'LIC-002': 'compliant',
				'CPG-001': 'compliant',
				'ESG-001': 'compliant'
			})
		);
		expect(result.overall.score).toBe(1);
		expect(result.verdict).toBe('ready');
		expect(result.reasons).toEqual([{ code: 'all_criteria_met', score: 1 }]);
		expect(result.gaps).toEqual([]);
		expect(result.complete).toBe(true);
	});

	it('weights items by severity and counts partial as half', () => {
		const result = scoreAssessment(
			all,
			answersOf({
				'LIC-001': 'compliant',
				'LIC-002': 'partial',
				'CPG-001': 'non_compliant',
				'ESG-001': 'compliant'
			})
		);
		const { critical: c, high: h, medium: m, low: l } = SEVERITY_WEIGHTS;
		expect(result.overall.earned).toBe(c + h / 2 + l);
		expect(result.overall.possible).toBe(c + h + m + l);
		expect(result.overall.score).toBeCloseTo((c + h / 2 + l) / (c + h + m + l));
	});

	it('leaves N/A out of both numerator and denominator', () => {
		const result = scoreAssessment(
			all,
			answersOf({
				'LIC-001': 'compliant',
				'LIC-002': 'compliant',
				'CPG-001': 'not_applicable',
				'ESG-001': 'not_applicable'
			})
		);
		expect(result.overall.possible).toBe(SEVERITY_WEIGHTS.critical + SEVERITY_WEIGHTS.high);
		expect(result.overall.score).toBe(1);
		expect(result.overall.notApplicable).toBe(2);
		expect(result.domains.esg).toMatchObject({ score: null, notApplicable: 1, applicable: 1 });
	});

	it('blocks the verdict when a critical item is not fully compliant, whatever the score', () => {
		const many = [
			critical,
			...Array.from({ length: 30 }, (_, i) => makeItem(`LIC-${100 + i}`, 'high'))
		];
		const answers = answersOf(
			Object.fromEntries(many.map((i) => [i.id, i === critical ? 'partial' : 'compliant']))
		);
		const result = scoreAssessment(many, answers);
		expect(result.overall.score).toBeGreaterThan(0.95);
		expect(result.verdict).toBe('not_ready');
		expect(result.reasons[0]).toEqual({ code: 'critical_not_compliant', itemIds: ['LIC-001'] });
	});

	it('does not rank an unanswered item as a gap, but marks the result incomplete', () => {
		const many = [
			...all,
			...Array.from({ length: 6 }, (_, i) => makeItem(`LIC-${400 + i}`, 'low'))
		];
		const answers = answersOf(
			Object.fromEntries(many.filter((i) => i !== low).map((i) => [i.id, 'compliant']))
		);
		const result = scoreAssessment(many, answers);
		expect(result.complete).toBe(false);
		expect(result.overall.unanswered).toBe(1);
		expect(result.overall.score).toBe(1);
		expect(result.gaps).toEqual([]);
		expect(result.unanswered).toEqual(['ESG-001']);
		expect(result.verdict).toBe('ready_with_conditions');
		expect(result.reasons).toContainEqual({ code: 'incomplete', unanswered: 1 });
	});

	it('gives no verdict below 80% of the obligation and entry-condition items answered', () => {
		// 3 of 4 answered (75%): a known critical gap is listed, but the verdict waits.
		const result = scoreAssessment(
			all,
			answersOf({ 'LIC-001': 'non_compliant', 'LIC-002': 'compliant', 'CPG-001': 'compliant' })
		);
		expect(result.verdict).toBe('not_assessed');
		expect(result.reasons).toEqual([
			{ code: 'too_few_answered', answered: 3, required: 4, applicable: 4 }
		]);
		expect(result.gaps.map((g) => g.itemId)).toEqual(['LIC-001']);
		// Exactly at the threshold the verdict speaks: 4 of 5 is 80%.
		const five = [...all, makeItem('LIC-010', 'low')];
		const at = scoreAssessment(
			five,
			answersOf({
				'LIC-001': 'compliant',
				'LIC-002': 'compliant',
				'CPG-001': 'compliant',
				'ESG-001': 'compliant'
			})
		);
		expect(at.verdict).toBe('ready_with_conditions');
	});

	it('scores good-practice items apart: never a gap, never "not ready"', () => {
		const encouraged = makeItem('POL-009', 'critical', {
			domain: 'policy_alignment',
			basis: 'good_practice'
		});
		const sandbox = makeItem('SBX-003', 'high', { domain: 'sandbox', basis: 'entry_condition' });
		const result = scoreAssessment(
			[critical, sandbox, encouraged],
			answersOf({ 'LIC-001': 'compliant', 'SBX-003': 'compliant', 'POL-009': 'non_compliant' })
		);
		expect(result.verdict).toBe('ready');
		expect(result.gaps).toEqual([]);
		expect(result.opportunities.map((g) => [g.itemId, g.basis])).toEqual([
			['POL-009', 'good_practice']
		]);
		expect(result.overall).toMatchObject({ applicable: 2, score: 1 });
		expect(result.goodPractice).toMatchObject({ applicable: 1, answered: 1, score: 0 });
		// A domain's figures show progress through all its items.
		expect(result.domains.policy_alignment).toMatchObject({ applicable: 1, score: 0 });
		// An entry condition decides the verdict like an obligation.
		const failed = scoreAssessment(
			[critical, sandbox, encouraged],
			answersOf({ 'LIC-001': 'compliant', 'SBX-003': 'non_compliant', 'POL-009': 'compliant' })
		);
		expect(failed.gaps.map((g) => [g.itemId, g.basis])).toEqual([['SBX-003', 'entry_condition']]);
		expect(failed.verdict).not.toBe('ready');
	});

	it('counts progress over every applicable item: the remaining count is the bar’s', () => {
		const encouraged = makeItem('POL-009', 'low', {
			domain: 'policy_alignment',
			basis: 'good_practice'
		});
		const result = scoreAssessment(
			[critical, high, encouraged],
			answersOf({ 'LIC-001': 'compliant' })
		);
		// The verdict counts two items and one unanswered; the questionnaire has three, two to go.
		expect(result.overall).toMatchObject({ applicable: 2, answered: 1 });
		expect(result.progress).toEqual({
			applicable: 3,
			answered: 1,
			notApplicable: 0,
			unanswered: 2
		});
		expect(result.unanswered).toHaveLength(result.progress.applicable - result.progress.answered);
	});

	it('is not ready below the minimum score even with every critical item met', () => {
		const items = [
			critical,
			...Array.from({ length: 5 }, (_, i) => makeItem(`LIC-${200 + i}`, 'high'))
		];
		const answers = answersOf(
			Object.fromEntries(items.map((i) => [i.id, i === critical ? 'compliant' : 'non_compliant']))
		);
		const result = scoreAssessment(items, answers);
		expect(result.verdict).toBe('not_ready');
		expect(result.reasons[0]).toMatchObject({ code: 'score_below_minimum', minimum: 0.6 });
	});

	it('makes a non-compliant high item a condition of readiness', () => {
		const items = [
			critical,
			high,
			...Array.from({ length: 10 }, (_, i) => makeItem(`LIC-${300 + i}`, 'medium'))
		];
		const answers = answersOf(
			Object.fromEntries(items.map((i) => [i.id, i === high ? 'non_compliant' : 'compliant']))
		);
		const result = scoreAssessment(items, answers);
		expect(result.overall.score).toBeGreaterThan(0.85);
		expect(result.verdict).toBe('ready_with_conditions');
		expect(result.reasons).toEqual([{ code: 'high_not_compliant', itemIds: ['LIC-002'] }]);
	});

	it('sorts gaps by severity, then by score, then by id', () => {
		const items = [low, makeItem('LIC-009', 'high'), high, critical, medium];
		const result = scoreAssessment(
			items,
			answersOf({
				'LIC-009': 'non_compliant',
				'LIC-002': 'partial',
				'LIC-001': 'non_compliant',
				'CPG-001': 'partial',
				'ESG-001': 'non_compliant'
			})
		);
		expect(result.gaps.map((g) => [g.itemId, g.status])).toEqual([
			['LIC-001', 'non_compliant'],
			['LIC-009', 'non_compliant'],
			['LIC-002', 'partial'],
			['CPG-001', 'partial'],
			['ESG-001', 'non_compliant']
		]);
	});

	it('says clearly when nothing is applicable, never NaN', () => {
		const result = scoreAssessment([], new Map());
		expect(result.overall.score).toBeNull();
		expect(result.verdict).toBe('not_assessed');
		expect(result.reasons).toEqual([{ code: 'nothing_applicable' }]);
		expect(JSON.stringify(result)).not.toContain('NaN');
	});

	it('says clearly when everything is N/A, never NaN', () => {
		const items = [medium, low];
		const result = scoreAssessment(
			items,
			answersOf({ 'CPG-001': 'not_applicable', 'ESG-001': 'not_applicable' })
		);
		expect(result.overall.score).toBeNull();
		expect(result.reasons).toEqual([{ code: 'all_not_applicable' }]);
		expect(JSON.stringify(result)).not.toContain('NaN');
	});

	it('scores each domain on its own items', () => {
		const result = scoreAssessment(
			all,
			answersOf({
				'LIC-001': 'compliant',
				'LIC-002': 'non_compliant',
				'CPG-001': 'partial',
				'ESG-001': 'compliant'
			})
		);
		expect(result.domains.licensing?.score).toBeCloseTo(
			SEVERITY_WEIGHTS.critical / (SEVERITY_WEIGHTS.critical + SEVERITY_WEIGHTS.high)
		);
		expect(result.domains.consumer_protection?.score).toBe(0.5);
		expect(result.domains.esg?.score).toBe(1);
	});
});
