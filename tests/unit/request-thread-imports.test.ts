import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * A module's first load runs on the thread that imports it. exceljs takes half a second or more to
 * load: imported at the top of a module the request thread loads, it held every tenant's requests
 * while the first template was uploaded (issue: one upload freezes every tenant). The request
 * thread loads it through loadExcelJS() (documents/action-plan.ts) when it writes a workbook, and
 * start-up warms it; only code run on the upload worker imports it directly.
 */
const root = path.resolve(import.meta.dirname, '../..');
const WORKER_SIDE = ['src/lib/server/documents/uploads/read-template.ts'];

function sourceFiles(dir: string): string[] {
	return fs
		.readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile() && /\.(ts|svelte)$/.test(e.name))
		.map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

describe('modules slow to load stay off the request thread', () => {
	it('imports exceljs by value only on the upload worker', () => {
		const valueImport = /^import\s+(?!type\b)[^;]*?from\s+['"]exceljs['"]/m;
		const importing = sourceFiles('src').filter((f) =>
			valueImport.test(fs.readFileSync(path.join(root, f), 'utf8'))
		);
		expect(importing).toEqual(WORKER_SIDE);
	});
});
