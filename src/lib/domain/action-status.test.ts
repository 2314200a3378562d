import { describe, expect, it } from 'vitest';
import {
	actionFilterOptions,
	actionPlanSummary,
	filterActions,
	noActionFilter,
	type ActionRow
} from './action-status';

const row = (itemId: string, over: Partial<ActionRow> = {}): ActionRow => ({
	itemId,
	action: '',
	severity: 'high',
	owner: null,
	due: null,
	status: 'open',
	overdue: false,
	...over
});

const actions = [
	row('A', { severity: 'critical', owner: '张伟', overdue: true, due: '2020-01-31' }),
	row('B', { severity: 'low', status: 'in_progress', owner: 'Li' }),
	row('C', { status: 'done' })
];

describe('the action plan filters', () => {
	it('keeps every action with no filter, and narrows by each field', () => {
		expect(filterActions(actions, noActionFilter)).toHaveLength(3);
		const ids = (f: Partial<typeof noActionFilter>) =>
			filterActions(actions, { ...noActionFilter, ...f }).map((a) => a.itemId);
		expect(ids({ status: 'in_progress' })).toEqual(['B']);
		expect(ids({ severity: 'critical' })).toEqual(['A']);
		expect(ids({ owner: 'Li' })).toEqual(['B']);
		expect(ids({ owner: '-' })).toEqual(['C']);
		expect(ids({ overdue: true })).toEqual(['A']);
		expect(ids({ overdue: true, status: 'done' })).toEqual([]);
	});

	it('offers only the values some action has, severities most severe first', () => {
		expect(actionFilterOptions(actions)).toEqual({
			statuses: ['open', 'in_progress', 'done'],
			severities: ['critical', 'high', 'low'],
			owners: ['Li', '张伟']
		});
	});

	it('counts the plan by status and overdue', () => {
		expect(actionPlanSummary(actions)).toEqual({
			total: 3,
			open: 1,
			inProgress: 1,
			done: 1,
			overdue: 1
		});
	});
});
