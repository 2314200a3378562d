import { describe, expect, it } from 'vitest';
import { nextSteps } from './next-steps';
import type { Gap } from './scoring';

const gap = (itemId: string, severity: Gap['severity']): Gap => ({
	itemId,
	domain: 'licensing',
	severity,
	basis: 'obligation',
	status: 'non_compliant',
	credit: 0,
	provisions: []
});

describe('nextSteps', () => {
	it('asks for the profile before anything else', () => {
		expect(nextSteps('draft', false, { gaps: [], unanswered: ['A'] })).toEqual([
			{ code: 'fill_profile' }
		]);
	});

	it('puts the unanswered items first, then critical and high gaps', () => {
		const steps = nextSteps('draft', true, {
			gaps: [gap('A', 'critical'), gap('B', 'high'), gap('C', 'critical')],
			unanswered: ['D', 'E']
		});
		expect(steps).toEqual([
			{ code: 'answer_remaining', count: 2, firstItemId: 'D' },
			{ code: 'fix_critical', count: 2 },
			{ code: 'fix_high', count: 1 }
		]);
	});

	it('offers review once everything is answered, and waits while in review', () => {
		expect(nextSteps('draft', true, { gaps: [], unanswered: [] })).toEqual([
			{ code: 'submit_for_review' }
		]);
		expect(nextSteps('in_review', true, { gaps: [], unanswered: [] })).toEqual([
			{ code: 'await_review' }
		]);
	});

	it('shares a final assessment and starts the next one', () => {
		expect(nextSteps('final', true, { gaps: [gap('A', 'critical')], unanswered: [] })).toEqual([
			{ code: 'share_report' },
			{ code: 'start_next' }
		]);
	});
});
