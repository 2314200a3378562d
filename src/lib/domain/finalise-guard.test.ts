import { describe, expect, it } from 'vitest';
import { countOpen, openItemsAtFinalise } from './finalise-guard';

describe('openItemsAtFinalise', () => {
	it('sorts items into unanswered, not reviewed and changes requested; accepted ones are closed', () => {
		const open = openItemsAtFinalise({
			applicable: ['A-001', 'A-002', 'A-003', 'A-004', 'A-005'],
			unanswered: ['A-001', 'A-005'],
			reviews: new Map([
				['A-002', 'accepted'],
				['A-003', 'changes_requested'],
				['A-005', 'changes_requested']
			])
		});
		expect(open).toEqual({
			unanswered: ['A-001'],
			unreviewed: ['A-004'],
			changesRequested: ['A-003', 'A-005']
		});
		expect(countOpen(open)).toBe(4);
	});

	it('leaves nothing open when every item is accepted', () => {
		const open = openItemsAtFinalise({
			applicable: ['A-001'],
			unanswered: [],
			reviews: new Map([['A-001', 'accepted']])
		});
		expect(countOpen(open)).toBe(0);
	});
});
