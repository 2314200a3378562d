import ExcelJS from 'exceljs';
import type { Item, Lang, Localized } from '../../domain/corpus';
import type { ReportLang } from '../../domain/report-text';
import { answerStatuses, type AnswerStatus } from '../../domain/scoring';
import {
	statusKey,
	templateColumns,
	type CellValue,
	type TemplateColumn,
	type TemplateRow
} from '../../domain/template-import';
import { severityLabel, statusLabel } from '../../labels/assessment';
import { m } from '../../paraglide/messages';
import type { Domain } from '../../domain/corpus';
import { excelDate } from './action-plan';

const LANGS: Lang[] = ['zh', 'en'];

/** Text in the template's language(s): both on two lines in a bilingual template. */
function chooser(lang: ReportLang) {
	return (text: (l: Lang) => string) =>
		lang === 'both' ? `${text('zh')}\n${text('en')}` : text(lang);
}

export const inLang = (l: Lang) => ({ locale: l });

/** Header words, by column, in one language. */
/** The column headers of the template in one language (also how an import error names a column). */
export function headerIn(l: Lang): Record<TemplateColumn, string> {
	const o = inLang(l);
	return {
		item: m.report_item({}, o),
		domain: m.library_filter_domain({}, o),
		question: m.library_col_question({}, o),
		severity: m.library_severity({}, o),
		status: m.answer_status({}, o),
		note: m.answer_note({}, o),
		evidence: m.answer_evidence({}, o),
		owner: m.answer_owner({}, o),
		due: m.answer_due({}, o)
	};
}

/** The words the status drop-down offers, in the template's language(s). */
export function statusChoices(lang: ReportLang): string[] {
	return answerStatuses.map((s) =>
		lang === 'both'
			? `${statusLabel(s, inLang('zh'))} / ${statusLabel(s, inLang('en'))}`
			: statusLabel(s, inLang(lang))
	);
}

/** Every way a status may be written in a filled template: its code, or its label in either language. */
export function statusLookup(): Map<string, AnswerStatus> {
	const lookup = new Map<string, AnswerStatus>();
	for (const s of answerStatuses) {
		lookup.set(statusKey(s), s);
		for (const l of LANGS) lookup.set(statusKey(statusLabel(s, inLang(l))), s);
		lookup.set(statusKey(`${statusLabel(s, inLang('zh'))} / ${statusLabel(s, inLang('en'))}`), s);
	}
	return lookup;
}

const WIDTHS: Record<TemplateColumn, number> = {
	item: 10,
	domain: 16,
	question: 60,
	severity: 10,
	status: 18,
	note: 40,
	evidence: 36,
	owner: 16,
	due: 12
};

const sheetNames = (lang: ReportLang) => {
	const l = lang === 'en' ? 'en' : 'zh';
	return {
		items: m.exports_sheet_items({}, inLang(l)),
		instructions: m.exports_sheet_instructions({}, inLang(l))
	};
};

/** What the template holds: the applicable items, their domains, and the answers stored so far. */
export interface QuestionnaireTemplate {
	title: string;
	versionHash: string;
	updatedAt: Date;
	items: Item[];
	domains: Domain[];
	answers: Map<string, TemplateAnswer>;
	lang: ReportLang;
}

export interface TemplateAnswer {
	status: AnswerStatus;
	note: string | null;
	evidence: string[];
	owner: string | null;
	due: string | null;
}

/**
 * The questionnaire as a workbook a client fills in offline: one row per applicable item, the
 * stored answers already filled in, a drop-down for the status, and an instructions sheet.
 */
export async function questionnaireTemplateWorkbook(
	template: QuestionnaireTemplate
): Promise<Uint8Array> {
	const { items, answers, lang } = template;
	const domains = new Map(template.domains.map((d) => [d.id, d]));
	const pick = chooser(lang);
	const local = (t: Localized) => pick((l) => t[l]);
	const choices = statusChoices(lang);
	const names = sheetNames(lang);

	const workbook = new ExcelJS.Workbook();
	workbook.created = template.updatedAt;
	const sheet = workbook.addWorksheet(names.items, { views: [{ state: 'frozen', ySplit: 1 }] });
	const headers = LANGS.map(headerIn);
	sheet.columns = templateColumns.map((key) => ({
		header: pick((l) => headers[LANGS.indexOf(l)]![key]),
		key,
		width: WIDTHS[key]
	}));
	for (const item of items) {
		const answer = answers.get(item.id);
		const domain = domains.get(item.domain);
		sheet.addRow({
			item: item.id,
			domain: domain ? local(domain) : item.domain,
			question: local(item.question),
			severity: pick((l) => severityLabel(item.severity, inLang(l))),
			status: answer ? choices[answerStatuses.indexOf(answer.status)] : null,
			note: answer?.note ?? null,
			evidence: answer?.evidence.join('\n') || null,
			owner: answer?.owner ?? null,
			due: answer?.due ? excelDate(answer.due) : null
		});
	}
	const last = items.length + 1;
	const statusColumn = sheet.getColumn('status').letter;
	for (let row = 2; row <= last; row++)
		sheet.getCell(`${statusColumn}${row}`).dataValidation = {
			type: 'list',
			allowBlank: true,
			formulae: [`"${choices.join(',')}"`],
			showErrorMessage: true
		};
	sheet.getColumn('due').numFmt = 'yyyy-mm-dd';
	for (const key of ['question', 'note', 'evidence'] as const)
		sheet.getColumn(key).alignment = { wrapText: true, vertical: 'top' };
	sheet.getRow(1).font = { bold: true };
	sheet.autoFilter = {
		from: { row: 1, column: 1 },
		to: { row: 1, column: templateColumns.length }
	};

	const help = workbook.addWorksheet(names.instructions);
	help.getColumn(1).width = 110;
	const statuses = choices.join(lang === 'en' ? ', ' : '、');
	for (const l of lang === 'both' ? LANGS : [lang]) {
		const o = inLang(l);
		for (const line of [
			m.exports_instr_assessment({ title: template.title, hash: template.versionHash }, o),
			m.exports_instr_1({}, o),
			m.exports_instr_2({ statuses }, o),
			m.exports_instr_3({}, o),
			m.exports_instr_4({}, o),
			m.exports_instr_5({}, o),
			''
		])
			help.addRow([line]).alignment = { wrapText: true };
	}
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A cell's value as plain data: rich text, hyperlinks and formulas flattened to what they show. */
export function plainCell(value: ExcelJS.CellValue): CellValue {
	if (value === null || value === undefined) return null;
	if (value instanceof Date || typeof value !== 'object') return value;
	if ('richText' in value) return value.richText.map((r) => r.text).join('');
	if ('result' in value) return plainCell((value.result ?? null) as ExcelJS.CellValue);
	if ('text' in value) return String(value.text);
	if ('error' in value) return String(value.error);
	return null;
}

/** The first sheet of a filled template as rows of plain cells; null when the bytes are not a workbook. */
export async function readTemplateWorkbook(
	bytes: Uint8Array
): Promise<{ sheetName: string; rows: TemplateRow[] } | null> {
	const workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
	} catch {
		return null;
	}
	const sheet = workbook.worksheets[0];
	if (!sheet) return null;
	const rows: TemplateRow[] = [];
	sheet.eachRow((row, number) => {
		if (number === 1) return;
		const cells: TemplateRow['cells'] = {};
		templateColumns.forEach((key, i) => (cells[key] = plainCell(row.getCell(i + 1).value)));
		rows.push({ row: number, cells });
	});
	return { sheetName: sheet.name, rows };
}
