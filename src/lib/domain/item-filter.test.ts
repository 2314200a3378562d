import { describe, expect, it } from 'vitest';
import { matchesFilters, parseFilters } from './item-filter';
import type { StoredAnswer } from './stored-answer';

const item = {
	id: 'LIC-001',
	question: { zh: '是否持有牌照？', en: 'Does the firm hold a licence?' }
};
const answer = (over: Partial<StoredAnswer>): StoredAnswer => ({
	itemId: item.id,
	status: 'compliant',
	note: '',
	evidence: [],
	owner: null,
	due: null,
	version: 1,
	carriedOver: false,
	updatedAt: new Date(0),
	updatedBy: null,
	...over
});
const filters = (query: string) => parseFilters(new URLSearchParams(query));

describe('the workspace filters', () => {
	it('show unanswered, gaps (unanswered counts as one) and carried-over answers', () => {
		expect(matchesFilters(item, undefined, filters('show=unanswered'))).toBe(true);
		expect(matchesFilters(item, answer({}), filters('show=unanswered'))).toBe(false);
		expect(matchesFilters(item, answer({ status: 'partial' }), filters('show=gaps'))).toBe(true);
		expect(matchesFilters(item, answer({}), filters('show=gaps'))).toBe(false);
		expect(matchesFilters(item, undefined, filters('show=gaps'))).toBe(true);
		expect(matchesFilters(item, answer({ carriedOver: true }), filters('show=carried'))).toBe(true);
		expect(matchesFilters(item, answer({}), filters('show=carried'))).toBe(false);
	});

	it('show the answers changed since they were carried over from the previous assessment', () => {
		const before = new Map([[item.id, answer({ note: 'as last year' })]]);
		const changed = filters('show=changed');
		expect(matchesFilters(item, answer({ note: 'updated' }), changed, before)).toBe(true);
		expect(matchesFilters(item, answer({ note: 'as last year' }), changed, before)).toBe(false);
		expect(matchesFilters(item, answer({ note: 'x', carriedOver: true }), changed, before)).toBe(
			false
		);
		expect(matchesFilters(item, undefined, changed, before)).toBe(false);
		// Not answered last time, answered now: a change. Started afresh: nothing is.
		expect(matchesFilters(item, answer({}), changed, new Map())).toBe(true);
		expect(matchesFilters(item, answer({}), changed)).toBe(false);
	});

	it('search the id, the question in both languages and the note; unknown filters read as all', () => {
		expect(matchesFilters(item, undefined, filters('q=lic-0'))).toBe(true);
		expect(matchesFilters(item, undefined, filters('q=牌照'))).toBe(true);
		expect(matchesFilters(item, undefined, filters('q=LICENCE'))).toBe(true);
		expect(matchesFilters(item, answer({ note: 'board minutes' }), filters('q=minutes'))).toBe(
			true
		);
		expect(matchesFilters(item, undefined, filters('q=capital'))).toBe(false);
		expect(filters('show=whatever')).toEqual({ show: 'all', q: '' });
	});
});
