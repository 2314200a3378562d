import { stringify } from 'csv-stringify/sync';

/**
 * What a cell may start with that a spreadsheet reads as a formula (OWASP, "CSV Injection"), the
 * full-width forms included: csv-stringify's `escape_formulas` prefixes exactly these with `'`.
 * Exported so the tests check every file against the same list.
 */
export const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];

/**
 * CSV that every spreadsheet reads back as the same cells: UTF-8 with a byte-order mark (Excel
 * reads a file without one in the local code page), CRLF between records (RFC 4180), every field
 * with a quote, comma, CR or LF quoted — csv-stringify quotes a lone LF only when asked once a
 * record delimiter is set, and 69 gaps used to open as 143 rows — and text that starts like a
 * formula prefixed with `'` so that a respondent's `=HYPERLINK(…)` stays text. A JavaScript number
 * is written as a number and never prefixed, so numeric columns (a change of -5 points) stay numbers.
 */
export function spreadsheetCsv(rows: (string | number | null)[][]): string {
	return stringify(rows, {
		bom: true,
		record_delimiter: 'windows',
		quote_record_delimiter: true,
		escape_formulas: true
	});
}
