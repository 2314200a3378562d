import { isCalendarDate } from './calendar-date';
import { answerProblems, hasBidiControl, NOTE_LIMIT } from './answer-rules';
import type { Item } from './corpus';
import type { AnswerStatus } from './scoring';

/** The columns of the questionnaire template's items sheet, A to I. */
export const templateColumns = [
	'item',
	'domain',
	'question',
	'severity',
	'status',
	'note',
	'evidence',
	'owner',
	'due'
] as const;
export type TemplateColumn = (typeof templateColumns)[number];

/** A cell as the spreadsheet reader gives it, rich text already flattened. */
export type CellValue = string | number | boolean | Date | null;

export interface TemplateRow {
	/** The spreadsheet's own row number (the header is row 1). */
	row: number;
	cells: Partial<Record<TemplateColumn, CellValue>>;
}

export type CellProblem = { row: number; column: TemplateColumn } & (
	| { code: 'unknown_item' | 'duplicate_item' | 'not_one_of' | 'bad_date'; value: string }
	| { code: 'too_long'; max: number }
	| { code: 'status_required' | 'na_refused' | 'na_reason_required' | 'bidi_control' }
);

export interface TemplateAnswer {
	itemId: string;
	row: number;
	values: {
		status: AnswerStatus;
		note: string;
		evidence: string[];
		owner: string | null;
		due: string | null;
	};
}

const LIMITS = { note: NOTE_LIMIT, evidence: 20000, owner: 200 } as const;
/** Excel counts days from 1899-12-30; 25569 is 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25569;
const DAY_MS = 86_400_000;

function cellText(value: CellValue | undefined): string {
	if (value === null || value === undefined) return '';
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	return String(value).trim();
}

function isoDay(date: Date): string | null {
	return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
}

/** A due date from a date cell, an Excel day number, or text written YYYY-MM-DD; null if none. */
function readDate(value: CellValue | undefined): { ok: true; due: string | null } | { ok: false } {
	const read = readCellDate(value);
	return read.ok && read.due !== null && !isCalendarDate(read.due) ? { ok: false } : read;
}

function readCellDate(
	value: CellValue | undefined
): { ok: true; due: string | null } | { ok: false } {
	if (value === null || value === undefined || value === '') return { ok: true, due: null };
	if (value instanceof Date) {
		const due = isoDay(value);
		return due ? { ok: true, due } : { ok: false };
	}
	if (typeof value === 'number') {
		const due = Number.isInteger(value)
			? isoDay(new Date((value - EXCEL_EPOCH_DAYS) * DAY_MS))
			: null;
		return due ? { ok: true, due } : { ok: false };
	}
	const text = String(value).trim();
	if (text === '') return { ok: true, due: null };
	if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return { ok: false };
	return isoDay(new Date(`${text}T00:00:00Z`)) === text ? { ok: true, due: text } : { ok: false };
}

/** The normalised form a status is looked up by: trimmed, lower case. */
export function statusKey(text: string): string {
	return text.trim().toLowerCase();
}

/**
 * Reads the filled-in rows of the template: every bad cell is reported with its row and column, and
 * the answers are only worth saving when there are no problems. A row with no status and nothing
 * else filled in is an unanswered item and is left out.
 */
export function readTemplateRows(
	rows: readonly TemplateRow[],
	items: ReadonlyMap<string, Item>,
	statuses: ReadonlyMap<string, AnswerStatus>
): { answers: TemplateAnswer[]; problems: CellProblem[] } {
	const answers: TemplateAnswer[] = [];
	const problems: CellProblem[] = [];
	const seen = new Set<string>();
	for (const { row, cells } of rows) {
		const text = (column: TemplateColumn) => cellText(cells[column]);
		const problem = (p: CellProblem) => problems.push(p);
		const filled = (['status', 'note', 'evidence', 'owner', 'due'] as const).some(
			(c) => text(c) !== ''
		);
		const itemId = text('item');
		if (itemId === '' && !filled) continue;
		const item = items.get(itemId);
		if (!item) {
			problem({ row, column: 'item', code: 'unknown_item', value: itemId });
			continue;
		}
		if (seen.has(itemId)) {
			problem({ row, column: 'item', code: 'duplicate_item', value: itemId });
			continue;
		}
		seen.add(itemId);
		if (!filled) continue;

		const before = problems.length;
		const statusText = text('status');
		const status = statuses.get(statusKey(statusText));
		if (statusText === '') problem({ row, column: 'status', code: 'status_required' });
		else if (!status) problem({ row, column: 'status', code: 'not_one_of', value: statusText });
		for (const column of ['note', 'evidence', 'owner'] as const)
			if (text(column).length > LIMITS[column])
				problem({ row, column, code: 'too_long', max: LIMITS[column] });
		// As on the web and through the API (./answer-rules.ts).
		for (const column of ['note', 'evidence', 'owner'] as const)
			if (hasBidiControl(text(column))) problem({ row, column, code: 'bidi_control' });
		const due = readDate(cells.due ?? null);
		if (!due.ok) problem({ row, column: 'due', code: 'bad_date', value: text('due') });
		if (problems.length > before || !status || !due.ok) continue;

		const note = text('note');
		for (const p of answerProblems(item, { status, note }))
			problem({ row, column: p.field, code: p.code });
		if (problems.length > before) continue;
		answers.push({
			itemId,
			row,
			values: {
				status,
				note,
				evidence: text('evidence')
					.split(/\r?\n/)
					.map((l) => l.trim())
					.filter((l) => l !== '')
					.slice(0, 50),
				owner: text('owner') || null,
				due: due.due
			}
		});
	}
	return { answers, problems };
}

/**
 * Text as a workbook holds it: XML turns every CR and CRLF into LF (a note typed in a browser
 * is saved with CRLF), so a round trip through the template changes line endings and nothing else.
 */
const lines = (s: string | null) => (s === null ? null : s.replace(/\r\n?/g, '\n'));

/** True when a row says exactly what is already stored, so saving it would change nothing. */
export function sameAnswer(a: TemplateAnswer['values'], b: TemplateAnswer['values']): boolean {
	return (
		a.status === b.status &&
		lines(a.note.trim()) === lines(b.note.trim()) &&
		lines(a.owner) === lines(b.owner) &&
		a.due === b.due &&
		a.evidence.length === b.evidence.length &&
		a.evidence.every((e, i) => e === b.evidence[i])
	);
}
