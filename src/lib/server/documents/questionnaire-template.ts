import type { Item, Lang, Localized } from '../../domain/corpus';
import type { ReportLang } from '../../domain/report-text';
import { answerStatuses, type AnswerStatus } from '../../domain/scoring';
import { templateColumns, type TemplateColumn } from '../../domain/template-import';
import { severityLabel } from '../../labels/assessment';
import { m } from '../../paraglide/messages';
import type { Domain } from '../../domain/corpus';
import { excelDate, loadExcelJS } from './action-plan';
import { inLang, statusChoices, TEMPLATE_LANGS as LANGS } from './template-statuses';
import { xmlSafeRow } from './xml-text';

/** Text in the template's language(s): both on two lines in a bilingual template. */
function chooser(lang: ReportLang) {
	return (text: (l: Lang) => string) =>
		lang === 'both' ? `${text('zh')}\n${text('en')}` : text(lang);
}

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

	const workbook = new (await loadExcelJS()).Workbook();
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
		sheet.addRow(
			xmlSafeRow({
				item: item.id,
				domain: domain ? local(domain) : item.domain,
				question: local(item.question),
				severity: pick((l) => severityLabel(item.severity, inLang(l))),
				status: answer ? choices[answerStatuses.indexOf(answer.status)] : null,
				note: answer?.note ?? null,
				evidence: answer?.evidence.join('\n') || null,
				owner: answer?.owner ?? null,
				due: answer?.due ? excelDate(answer.due) : null
			})
		);
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
