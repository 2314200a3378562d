/**
 * What an uploaded file may cost before it is refused, so that no upload can hold a worker for
 * long or take much memory. A filled questionnaire template has two sheets and one row per item
 * (a few hundred), so these bounds leave room for any real file and refuse a hostile one early.
 */
export const TEMPLATE_LIMITS = {
	/** Worksheets in the workbook (the template has two). */
	sheets: 10,
	/** Rows of the first worksheet, the header included. */
	rows: 5_000,
	/** Cells with a value in the first worksheet. */
	cells: 60_000,
	/** Files inside the XLSX (a ZIP archive). */
	entries: 1_000,
	/** The archive's size once decompressed, as its directory declares, checked before inflating. */
	decompressedBytes: 20 * 1024 * 1024,
	/** Reading time in the worker; the worker is stopped a little after it. */
	ms: 3_000
} as const;

/** A logo's pixels, read from the image header before anything decodes it. */
export const LOGO_LIMITS = { width: 2_000, height: 2_000 } as const;

/** Which limit a file hit, and the limit itself, for a message that names it. */
export type UploadLimit =
	| { limit: 'sheets' | 'rows' | 'cells' | 'entries'; max: number }
	| { limit: 'decompressed_bytes'; max: number }
	| { limit: 'time'; max: number }
	| { limit: 'memory' };
