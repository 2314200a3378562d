import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/lib/corpus/load';
import { corpusPaths } from '../../src/lib/corpus/paths';
import { actionPlanColumns, type ActionPlanRow } from '../../src/lib/domain/action-plan';
import { actionPlanWorkbook } from '../../src/lib/server/documents/action-plan';
import { questionnaireTemplateWorkbook } from '../../src/lib/server/documents/questionnaire-template';
import { readTemplateWithLimits } from '../../src/lib/server/documents/uploads/read-template';
import { xmlSafe } from '../../src/lib/server/documents/xml-text';

/** Pasted text holding every kind of character XML 1.0 cannot carry, around text it can. */
const HOSTILE =
	'甲\u0000乙\u0001\u0008\u000b\u000c\u001f丙\uFFFE丁\uFFFF戊\uD800己\uDFFF庚\t辛\n壬\r癸 𠮷 😀 \u007f';
const CLEAN = '甲乙丙丁戊己庚\t辛\n壬\r癸 𠮷 😀 ';

describe('xmlSafe, the one list of characters an XML document cannot hold', () => {
	it('drops C0 controls but tab, newline and return; U+FFFE, U+FFFF; lone surrogates', () => {
		expect(xmlSafe(HOSTILE)).toBe(CLEAN);
	});

	it('drops the text-direction controls a text stored before they were refused may hold', () => {
		// "pay free" written as a spoof: displayed reversed in Word or Excel with the override kept.
		expect(xmlSafe('pay \u202Eeerf\u202C \u2066x\u2069')).toBe('pay eerf x');
	});

	it('keeps supplementary characters whole (a surrogate pair is one character)', () => {
		expect(xmlSafe('𠮷野家 👍🏽')).toBe('𠮷野家 👍🏽');
	});
});

describe('XLSX writers take text with characters XML cannot hold', { timeout: 60_000 }, () => {
	it('writes an action plan that a strict reader opens, the characters dropped', async () => {
		const row: ActionPlanRow = {
			item: 'LIC-001',
			question: HOSTILE,
			provision: HOSTILE,
			severity: 'high',
			finding: HOSTILE,
			remediation: HOSTILE,
			owner: HOSTILE,
			due: null,
			status: 'partial',
			actionStatus: 'open'
		};
		const bytes = await actionPlanWorkbook({
			firm: 'Firm',
			date: '2026-12-01',
			title: 'Plan',
			header: actionPlanColumns.map((c) => `${c}\u0001`),
			rows: [row]
		});
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
		const sheet = workbook.worksheets[0]!;
		expect(sheet.getRow(1).getCell(1).value).toBe('item');
		// exceljs reads a lone \r as a line break.
		expect(sheet.getRow(2).getCell(2).value).toBe(CLEAN.replace('\r', '\n'));
	});

	it('writes a questionnaire template whose notes read back without them', async () => {
		const corpus = loadCorpus(corpusPaths().seedsDir);
		const items = corpus.items.slice(0, 1);
		const bytes = await questionnaireTemplateWorkbook({
			title: 'T',
			versionHash: 'abc',
			updatedAt: new Date('2026-12-01T00:00:00Z'),
			items,
			domains: corpus.domains,
			answers: new Map([
				[
					items[0]!.id,
					{
						status: 'partial' as const,
						note: HOSTILE,
						evidence: [HOSTILE],
						owner: 'A\u0002B',
						due: null
					}
				]
			]),
			lang: 'en'
		});
		const sheet = await readTemplateWithLimits(bytes);
		if (!sheet.ok) throw new Error(`the template did not read back: ${JSON.stringify(sheet)}`);
		const cells = sheet.rows[0]!.cells;
		expect(String(cells.note)).toBe(CLEAN.replace('\r', '\n'));
		expect(cells.owner).toBe('AB');
	});
});
