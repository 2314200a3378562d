import { describe, expect, it } from 'vitest';
import { classifyItem, compareAssessments, formatDelta, type CompareSide } from './compare';
import type { Corpus, Item } from './corpus';
import { evaluateAssessment } from './result';
import type { AnswerStatus } from './scoring';
import { answersOf, makeItem } from './test-fixtures';

const domains = [
	{ id: 'licensing', prefix: 'LIC', zh: '牌照', en: 'Licensing' },
	{ id: 'esg', prefix: 'ESG', zh: '环境', en: 'ESG' }
];

function side(items: Item[], statuses: Record<string, AnswerStatus>, profile = {}): CompareSide {
	const corpus = { items, domains, profileQuestions: [], restrictedTerms: [] } as unknown as Corpus;
	const answers = [...answersOf(statuses).values()];
	return { corpus, answers, evaluation: evaluateAssessment(corpus, 'v', profile, answers) };
}

const lic1 = makeItem('LIC-001', 'critical');
const lic2 = makeItem('LIC-002', 'high');
const esg1 = makeItem('ESG-001', 'low', { domain: 'esg' });

describe('classifyItem', () => {
	it('orders statuses non-compliant < partial < compliant', () => {
		expect(classifyItem('non_compliant', 'partial')).toBe('improved');
		expect(classifyItem('partial', 'compliant')).toBe('improved');
		expect(classifyItem('compliant', 'non_compliant')).toBe('regressed');
		expect(classifyItem('partial', 'partial')).toBe('unchanged');
	});

	it('counts answering an open item as compliant an improvement, and leaving it open a regression', () => {
		expect(classifyItem('unanswered', 'compliant')).toBe('improved');
		expect(classifyItem('compliant', 'unanswered')).toBe('regressed');
	});

	it('calls items new or removed when one questionnaire lacks them', () => {
		expect(classifyItem('absent', 'compliant')).toBe('new');
		expect(classifyItem('partial', 'absent')).toBe('removed');
		expect(classifyItem('absent', 'out_of_scope')).toBeNull();
	});

	it('calls a change of scope or of N/A a change of applicability', () => {
		expect(classifyItem('out_of_scope', 'compliant')).toBe('not_applicable_changed');
		expect(classifyItem('compliant', 'out_of_scope')).toBe('not_applicable_changed');
		expect(classifyItem('not_applicable', 'partial')).toBe('not_applicable_changed');
		expect(classifyItem('not_applicable', 'not_applicable')).toBe('unchanged');
		expect(classifyItem('out_of_scope', 'out_of_scope')).toBeNull();
	});
});

describe('compareAssessments', () => {
	it('gives each domain its score before and after and the difference', () => {
		const before = side([lic1, lic2, esg1], { 'LIC-001': 'non_compliant', 'LIC-002': 'compliant' });
		const after = side([lic1, lic2, esg1], {
			'LIC-001': 'compliant',
			'LIC-002': 'compliant',
			'ESG-001': 'partial'
		});
		const result = compareAssessments(before, after);
		const lic = result.domains.find((d) => d.id === 'licensing')!;
		expect(lic).toMatchObject({ before: 3 / 7, after: 1, label: { en: 'Licensing' } });
		expect(lic.delta).toBeCloseTo(4 / 7);
		// Nothing answered in the domain before: no score, so no difference to show.
		expect(result.domains.find((d) => d.id === 'esg')).toMatchObject({
			before: null,
			after: 0.5,
			delta: null
		});
		expect(result.overall.after).toBeGreaterThan(result.overall.before!);
	});

	it('lists every item asked on either side with what happened to it', () => {
		const lic3 = makeItem('LIC-003', 'medium');
		const scoped = makeItem('LIC-004', 'low', {
			applies_when: { field: 'client_funds', equals: true }
		});
		const before = side(
			[lic1, lic2, esg1, scoped],
			{ 'LIC-001': 'partial', 'LIC-002': 'compliant', 'ESG-001': 'compliant' },
			{ client_funds: false }
		);
		const after = side(
			[lic1, lic2, lic3, scoped],
			{ 'LIC-001': 'compliant', 'LIC-002': 'partial', 'LIC-004': 'compliant' },
			{ client_funds: true }
		);
		const result = compareAssessments(before, after);
		expect(result.items.map((i) => [i.itemId, i.change, i.before, i.after])).toEqual([
			['LIC-001', 'improved', 'partial', 'compliant'],
			['LIC-002', 'regressed', 'compliant', 'partial'],
			['LIC-003', 'new', 'absent', 'unanswered'],
			['LIC-004', 'not_applicable_changed', 'out_of_scope', 'compliant'],
			['ESG-001', 'removed', 'compliant', 'absent']
		]);
		expect(result.counts).toEqual({
			improved: 1,
			regressed: 1,
			new: 1,
			removed: 1,
			not_applicable_changed: 1,
			unchanged: 0
		});
	});
});

describe('formatDelta', () => {
	it('signs a change in percentage points and dashes a missing one', () => {
		expect(formatDelta(0.123)).toBe('+12');
		expect(formatDelta(-0.05)).toBe('−5');
		expect(formatDelta(0)).toBe('0');
		expect(formatDelta(null)).toBe('—');
	});
});
