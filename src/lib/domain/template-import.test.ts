import { describe, expect, it } from 'vitest';
import type { AnswerStatus } from './scoring';
import { readTemplateRows, sameAnswer, type TemplateRow } from './template-import';
import { makeItem } from './test-fixtures';

const items = new Map(
	[makeItem('LIC-001', 'critical', { never_na: true }), makeItem('DAT-002', 'high')].map((i) => [
		i.id,
		i
	])
);
const statuses = new Map<string, AnswerStatus>([
	['compliant', 'compliant'],
	['合规', 'compliant'],
	['not_applicable', 'not_applicable'],
	['partial', 'partial']
]);

const row = (n: number, cells: TemplateRow['cells']): TemplateRow => ({ row: n, cells });

describe('reading a filled questionnaire template', () => {
	it('turns good rows into answers and leaves blank rows out', () => {
		const { answers, problems } = readTemplateRows(
			[
				row(2, {
					item: 'LIC-001',
					status: ' 合规 ',
					note: 'Licensed',
					evidence: 'Licence scan\n\n Board minutes ',
					owner: ' 周敏 ',
					due: new Date('2027-01-31T00:00:00Z')
				}),
				row(3, { item: 'DAT-002', question: 'text the template wrote' }),
				row(4, {})
			],
			items,
			statuses
		);
		expect(problems).toEqual([]);
		expect(answers).toEqual([
			{
				itemId: 'LIC-001',
				row: 2,
				values: {
					status: 'compliant',
					note: 'Licensed',
					evidence: ['Licence scan', 'Board minutes'],
					owner: '周敏',
					due: '2027-01-31'
				}
			}
		]);
	});

	it('reads a due date typed as text or as an Excel day number', () => {
		const { answers } = readTemplateRows(
			[
				row(2, { item: 'LIC-001', status: 'partial', due: '2027-02-28' }),
				row(3, { item: 'DAT-002', status: 'partial', due: 46418 })
			],
			items,
			statuses
		);
		expect(answers.map((a) => a.values.due)).toEqual(['2027-02-28', '2027-01-31']);
	});

	it('reports every bad cell with its row and column', () => {
		const { problems } = readTemplateRows(
			[
				row(2, { item: 'LIC-001', status: 'yes', due: '2027-02-30' }),
				row(3, { item: 'XYZ-999', status: 'compliant' }),
				row(4, { item: 'DAT-002', note: 'a note but no status' }),
				row(5, { item: 'DAT-002', status: 'compliant' })
			],
			items,
			statuses
		);
		expect(problems).toEqual([
			{ row: 2, column: 'status', code: 'not_one_of', value: 'yes' },
			{ row: 2, column: 'due', code: 'bad_date', value: '2027-02-30' },
			{ row: 3, column: 'item', code: 'unknown_item', value: 'XYZ-999' },
			{ row: 4, column: 'status', code: 'status_required' },
			{ row: 5, column: 'item', code: 'duplicate_item', value: 'DAT-002' }
		]);
	});

	it('applies the answer rules: no N/A where refused, and N/A needs a reason', () => {
		const { problems, answers } = readTemplateRows(
			[
				row(2, { item: 'LIC-001', status: 'not_applicable', note: 'n/a' }),
				row(3, { item: 'DAT-002', status: 'not_applicable' })
			],
			items,
			statuses
		);
		expect(answers).toEqual([]);
		expect(problems).toEqual([
			{ row: 2, column: 'status', code: 'na_refused' },
			{ row: 3, column: 'note', code: 'na_reason_required' }
		]);
	});

	it('knows a row equal to the stored answer', () => {
		const stored = {
			status: 'partial' as const,
			note: 'x ',
			evidence: ['a'],
			owner: null,
			due: null
		};
		expect(sameAnswer({ ...stored, note: 'x' }, stored)).toBe(true);
		expect(sameAnswer({ ...stored, evidence: ['a', 'b'] }, stored)).toBe(false);
		expect(sameAnswer({ ...stored, due: '2027-01-01' }, stored)).toBe(false);
	});
});
