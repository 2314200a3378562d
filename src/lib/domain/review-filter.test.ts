import { describe, expect, it } from 'vitest';
import { matchesReviewFilters, parseReviewFilters } from './review-filter';
import type { StoredAnswer } from './stored-answer';

const item = { id: 'CMP-001', question: { zh: '投诉渠道', en: 'Complaint channels' } };
const answer = (status: StoredAnswer['status'], note = ''): StoredAnswer => ({
	itemId: 'CMP-001',
	status,
	note,
	evidence: ['complaints-policy.pdf'],
	owner: null,
	due: null,
	version: 2,
	carriedOver: false,
	updatedAt: new Date(),
	updatedBy: null
});

describe('the review filters', () => {
	it('reads unknown values as "all"', () => {
		expect(parseReviewFilters(new URLSearchParams('show=x&review=y&changed=yes'))).toEqual({
			show: 'all',
			review: 'all',
			changed: false,
			q: ''
		});
	});

	it('combines answer state, review state, changed since my decision and words', () => {
		const filters = parseReviewFilters(
			new URLSearchParams('show=gaps&review=pending&changed=1&q=POLICY')
		);
		const row = { answer: answer('partial'), review: 'pending' as const, changedSinceMine: true };
		expect(matchesReviewFilters(item, row, filters)).toBe(true);
		expect(matchesReviewFilters(item, { ...row, answer: answer('compliant') }, filters)).toBe(
			false
		);
		expect(matchesReviewFilters(item, { ...row, review: 'accepted' }, filters)).toBe(false);
		expect(matchesReviewFilters(item, { ...row, changedSinceMine: false }, filters)).toBe(false);
		expect(
			matchesReviewFilters(
				item,
				{ ...row, answer: undefined },
				{ ...filters, show: 'unanswered', q: '' }
			)
		).toBe(true);
	});
});
