import { threadId } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { runUploadTask } from '../../src/lib/server/documents/uploads/run-upload';
import { readTemplateWithLimits } from '../../src/lib/server/documents/uploads/read-template';
import { TEMPLATE_LIMITS } from '../../src/lib/server/documents/uploads/limits';
import { checkLogo } from '../../src/lib/server/orgs/branding';
import { jsonTooDeep } from '../../src/lib/server/web/json-depth';
import {
	deepJson,
	manyRowsWorkbook,
	manySheetsWithFormulas,
	pngDeclaring,
	zipBombWorkbook
} from '../helpers/hostile-files';

/*
 * The reading itself, in this thread for speed: the import runs the same function on a worker
 * (the first test), and tests/integration/hostile-uploads.test.ts sends these files to the server.
 */
// The time limit is lifted here, so that a busy machine cannot turn a row limit into a time one.
const readOnWorker = (bytes: Uint8Array) =>
	readTemplateWithLimits(bytes, { ...TEMPLATE_LIMITS, ms: 120_000 });

describe('hostile uploads are refused at the first limit', { timeout: 60_000 }, () => {
	it('reads a template on a worker thread of its own', { timeout: 60_000 }, async () => {
		const outcome = await runUploadTask({ kind: 'template', bytes: manyRowsWorkbook(3) });
		if (outcome.kind !== 'template') throw new Error(outcome.kind);
		expect(outcome.threadId).toBeGreaterThan(0);
		expect(outcome.threadId).not.toBe(threadId);
		const read = outcome.read;
		expect(read).toMatchObject({ ok: true, sheetName: 'S1' });
		expect(read.ok && read.rows.map((r) => [r.row, r.cells.item, r.cells.status])).toEqual([
			[2, 'LIC-001', 'compliant'],
			[3, 'LIC-001', 'compliant'],
			[4, 'LIC-001', 'compliant']
		]);
	});

	it('stops a 100,000-row sheet at the row limit', async () => {
		const read = await readOnWorker(manyRowsWorkbook(100_000));
		expect(read).toEqual({
			ok: false,
			reason: 'limit',
			hit: { limit: 'rows', max: TEMPLATE_LIMITS.rows }
		});
	});

	it('refuses a 1,000,000-row sheet by its decompressed size, before inflating it', async () => {
		const read = await readOnWorker(manyRowsWorkbook(1_000_000));
		expect(read).toMatchObject({ ok: false, hit: { limit: 'decompressed_bytes' } });
	});

	it('refuses a zip bomb by the sizes its directory declares', async () => {
		const bomb = zipBombWorkbook(200);
		expect(bomb.byteLength).toBeLessThan(1024 * 1024);
		expect(await readOnWorker(bomb)).toMatchObject({
			ok: false,
			hit: { limit: 'decompressed_bytes', max: TEMPLATE_LIMITS.decompressedBytes }
		});
	});

	it('refuses 300 worksheets full of formulas by the sheet count', async () => {
		expect(await readOnWorker(manySheetsWithFormulas(300))).toEqual({
			ok: false,
			reason: 'limit',
			hit: { limit: 'sheets', max: TEMPLATE_LIMITS.sheets }
		});
	});

	it('calls bytes that are not a ZIP archive not a workbook', async () => {
		expect(await readOnWorker(new TextEncoder().encode('not a workbook'))).toEqual({
			ok: false,
			reason: 'not_xlsx'
		});
	});

	it('refuses an 11000×11000 logo by its header, naming the limit', async () => {
		const checked = await checkLogo(pngDeclaring(11_000, 11_000));
		expect(checked.ok).toBe(false);
		expect(!checked.ok && checked.message).toMatch(/11000×11000.*2000×2000/);
	});

	it('finds JSON nested deeper than the limit without parsing it', () => {
		expect(jsonTooDeep(deepJson(33))).toBe(true);
		expect(jsonTooDeep(deepJson(32))).toBe(false);
		// Brackets inside strings are text.
		expect(jsonTooDeep(JSON.stringify({ note: '['.repeat(100) }))).toBe(false);
	});
});
