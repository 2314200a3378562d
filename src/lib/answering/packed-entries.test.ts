import { describe, expect, it } from 'vitest';
import { packEntry, unpackEntry, type QuestionnaireEntry } from './packed-entries';

const item = {
	id: 'AML-001',
	question: '是否建立反洗钱内部控制制度？',
	basis: 'obligation',
	severity: 'critical',
	never_na: true,
	provisionCount: 2
} as const;

describe('a questionnaire entry packed for the page', () => {
	it('comes back as it was: answered and reviewed', () => {
		const entry: QuestionnaireEntry = {
			item,
			domain: 'aml',
			saved: {
				status: 'partial',
				note: '制度已起草',
				evidence: ['POL-7'],
				owner: '合规部',
				due: '2027-03-31',
				version: 3
			},
			review: { status: 'changes_requested', comments: 2 }
		};
		expect(unpackEntry(packEntry(entry))).toEqual(entry);
	});

	it('comes back as it was: unanswered, nobody reviewed it (no review key at all)', () => {
		const entry: QuestionnaireEntry = { item, domain: 'aml', saved: null };
		const back = unpackEntry(packEntry(entry));
		expect(back).toEqual(entry);
		expect('review' in back).toBe(false);
	});

	it('is arrays only: no object keys for the page data to write', () => {
		const packed = packEntry({ item, domain: 'aml', saved: null });
		expect(Array.isArray(packed)).toBe(true);
		expect(packed.some((v) => v !== null && typeof v === 'object' && !Array.isArray(v))).toBe(
			false
		);
	});
});
