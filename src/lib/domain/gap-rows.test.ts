import { describe, expect, it } from 'vitest';
import { filterGaps, gapFilterOptions, packGapRow, unpackGapRow, type GapRow } from './gap-rows';

const row = (itemId: string, over: Partial<GapRow> = {}): GapRow => ({
	itemId,
	domain: 'licensing',
	severity: 'high',
	basis: 'obligation',
	status: 'non_compliant',
	question: '',
	note: '',
	owner: null,
	due: null,
	citations: [],
	...over
});

const gaps = [
	row('A', { severity: 'critical', owner: '张伟' }),
	row('B', { severity: 'low', domain: 'aml', status: 'partial' }),
	row('C', { owner: 'Li' })
];
const all = { severity: '', domain: '', status: '', owner: '' };

describe('the gap filters', () => {
	it('keeps every gap with no filter, and narrows by each field', () => {
		expect(filterGaps(gaps, all)).toHaveLength(3);
		expect(filterGaps(gaps, { ...all, severity: 'critical' }).map((g) => g.itemId)).toEqual(['A']);
		expect(filterGaps(gaps, { ...all, domain: 'aml' }).map((g) => g.itemId)).toEqual(['B']);
		expect(filterGaps(gaps, { ...all, status: 'partial' }).map((g) => g.itemId)).toEqual(['B']);
		expect(filterGaps(gaps, { ...all, owner: 'Li' }).map((g) => g.itemId)).toEqual(['C']);
	});

	it('finds the gaps nobody owns yet', () => {
		expect(filterGaps(gaps, { ...all, owner: '-' }).map((g) => g.itemId)).toEqual(['B']);
	});

	it('offers only the values some gap has, most severe first', () => {
		expect(gapFilterOptions(gaps)).toEqual({
			severities: ['critical', 'high', 'low'],
			domains: ['licensing', 'aml'],
			statuses: ['non_compliant', 'partial'],
			owners: ['Li', '张伟']
		});
	});
});

describe('a gap row packed for the page', () => {
	it('comes back as it was', () => {
		const full = row('AML-001', {
			question: '是否建立反洗钱内部控制制度？',
			note: '制度已起草',
			owner: '合规部',
			due: '2027-03-31',
			citations: ['P-1', 'P-2']
		});
		expect(unpackGapRow(packGapRow(full))).toEqual(full);
		expect(unpackGapRow(packGapRow(row('B')))).toEqual(row('B'));
	});
});
