import type ExcelJS from 'exceljs';
import { xmlSafe, xmlSafeRow } from './xml-text';
import {
	actionPlanColumns,
	type ActionPlanColumn,
	type ActionPlanRow
} from '../../domain/action-plan';
import { spreadsheetCsv } from './csv';

export interface ActionPlan {
	/** The firm assessed and the report's date, for the file name. */
	firm: string;
	date: string;
	title: string;
	header: string[];
	rows: ActionPlanRow[];
}

const WIDTHS: Record<ActionPlanColumn, number> = {
	item: 10,
	question: 50,
	provision: 40,
	severity: 10,
	finding: 36,
	remediation: 50,
	owner: 16,
	due: 12,
	status: 12,
	actionStatus: 16
};

const WRAPPED: ActionPlanColumn[] = ['question', 'provision', 'finding', 'remediation'];

/** A calendar date as the UTC midnight Excel stores it as, so it reads back as the same day. */
export function excelDate(iso: string): Date {
	return new Date(`${iso}T00:00:00Z`);
}

/**
 * exceljs, loaded on first use: its first load holds the thread for about half a second, so the
 * request thread loads it only to write a workbook (and start-up warms it: web/warm-up.ts).
 */
export async function loadExcelJS(): Promise<typeof ExcelJS> {
	return (await import('exceljs')).default;
}

export async function actionPlanWorkbook(plan: ActionPlan): Promise<Uint8Array> {
	const workbook = new (await loadExcelJS()).Workbook();
	workbook.created = new Date(`${plan.date}T00:00:00Z`);
	const sheet = workbook.addWorksheet(plan.title.slice(0, 31), {
		views: [{ state: 'frozen', ySplit: 1 }]
	});
	sheet.columns = actionPlanColumns.map((key, i) => ({
		header: xmlSafe(plan.header[i] ?? ''),
		key,
		width: WIDTHS[key]
	}));
	for (const row of plan.rows)
		sheet.addRow(xmlSafeRow({ ...row, due: row.due ? excelDate(row.due) : null }));
	sheet.getColumn('due').numFmt = 'yyyy-mm-dd';
	for (const key of WRAPPED) sheet.getColumn(key).alignment = { wrapText: true, vertical: 'top' };
	sheet.getRow(1).font = { bold: true };
	sheet.autoFilter = {
		from: { row: 1, column: 1 },
		to: { row: 1, column: actionPlanColumns.length }
	};
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The action plan as CSV safe to open in any spreadsheet (see `spreadsheetCsv`). */
export function actionPlanCsvText(plan: ActionPlan): string {
	return spreadsheetCsv([
		plan.header,
		...plan.rows.map((r) => actionPlanColumns.map((c) => r[c] ?? ''))
	]);
}
