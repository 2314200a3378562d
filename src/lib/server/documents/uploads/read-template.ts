import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { templateColumns, type CellValue, type TemplateRow } from '../../../domain/template-import';
import { TEMPLATE_LIMITS, type UploadLimit } from './limits';
import { readZipDirectory } from './zip-directory';

export type TemplateRead =
	| { ok: true; sheetName: string; rows: TemplateRow[] }
	| { ok: false; reason: 'not_xlsx' }
	| { ok: false; reason: 'limit'; hit: UploadLimit };

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;

/**
 * The first worksheet of a filled template as rows of plain cells, stopping at the first limit it
 * hits (TEMPLATE_LIMITS). The archive's directory is checked before anything is inflated (entries,
 * worksheets, declared size); the worksheet is then streamed row by row, so a million rows cost no
 * more than the first few thousand. Runs in the upload worker (see run-upload.ts).
 */
export async function readTemplateWithLimits(
	bytes: Uint8Array,
	limits: { readonly [K in keyof typeof TEMPLATE_LIMITS]: number } = TEMPLATE_LIMITS
): Promise<TemplateRead> {
	const deadline = performance.now() + limits.ms;
	const entries = await readZipDirectory(bytes, limits.entries);
	if (!entries) return { ok: false, reason: 'not_xlsx' };
	if (entries.length > limits.entries)
		return { ok: false, reason: 'limit', hit: { limit: 'entries', max: limits.entries } };
	const sheets = entries.filter((e) => WORKSHEET.test(e.name)).length;
	if (sheets === 0) return { ok: false, reason: 'not_xlsx' };
	if (sheets > limits.sheets)
		return { ok: false, reason: 'limit', hit: { limit: 'sheets', max: limits.sheets } };
	const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
	if (declared > limits.decompressedBytes)
		return {
			ok: false,
			reason: 'limit',
			hit: { limit: 'decompressed_bytes', max: limits.decompressedBytes }
		};

	const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
		sharedStrings: 'cache',
		// Dates are told apart from numbers by their style.
		styles: 'cache',
		hyperlinks: 'ignore',
		worksheets: 'emit',
		entries: 'ignore'
	});
	const rows: TemplateRow[] = [];
	let cells = 0;
	try {
		for await (const sheet of reader) {
			for await (const row of sheet) {
				if (row.number > limits.rows)
					return { ok: false, reason: 'limit', hit: { limit: 'rows', max: limits.rows } };
				cells += row.actualCellCount;
				if (cells > limits.cells)
					return { ok: false, reason: 'limit', hit: { limit: 'cells', max: limits.cells } };
				if (performance.now() > deadline)
					return { ok: false, reason: 'limit', hit: { limit: 'time', max: limits.ms } };
				if (row.number === 1) continue;
				const values: TemplateRow['cells'] = {};
				templateColumns.forEach((key, i) => (values[key] = plainCell(row.getCell(i + 1).value)));
				rows.push({ row: row.number, cells: values });
			}
			// Only the first worksheet holds answers; the rest is never read.
			return { ok: true, sheetName: (sheet as unknown as { name: string }).name, rows };
		}
	} catch {
		return { ok: false, reason: 'not_xlsx' };
	}
	return { ok: false, reason: 'not_xlsx' };
}

/** A cell's value as plain data: rich text, hyperlinks and formulas flattened to what they show. */
function plainCell(value: ExcelJS.CellValue): CellValue {
	if (value === null || value === undefined) return null;
	if (value instanceof Date || typeof value !== 'object') return value;
	if ('richText' in value) return value.richText.map((r) => r.text).join('');
	if ('result' in value) return plainCell((value.result ?? null) as ExcelJS.CellValue);
	if ('text' in value) return String(value.text);
	if ('error' in value) return String(value.error);
	return null;
}
