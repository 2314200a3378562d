import { withoutBidiControlChars } from './answer-rules';
import type { ReportEdition, ReportLang } from './report-text';

/** The report's two file formats: the PDF to read and sign, the Word file to edit. */
export type ReportFileExt = 'pdf' | 'docx';

const reportNames = {
	zh: { report: '差距报告', full: '完整版' },
	en: { report: 'gap-report', full: 'full' }
} as const;

/**
 * The report's file name in its language (差距报告-<firm>-<date>.pdf, gap-report-<firm>-<date>.pdf,
 * both words in a bilingual one), marked when it is the full edition; the firm's name loses the
 * characters no file name may hold.
 */
export function reportFileName(
	model: { lang: ReportLang; edition: ReportEdition; cover: { firm: string; date: string } },
	ext: ReportFileExt = 'pdf'
): string {
	const langs = model.lang === 'both' ? (['zh', 'en'] as const) : ([model.lang] as const);
	const words = langs.map((l) => reportNames[l]);
	const full = model.edition === 'full' ? words.map((w) => `-${w.full}`).join('') : '';
	const report = words.map((w) => w.report).join('-');
	return `${report}-${safeFileName(model.cover.firm)}-${model.cover.date}${full}.${ext}`;
}

/** The ASCII name for clients that read no other: gap-report-<date>[-full].<ext>. */
export function asciiReportFileName(
	model: { edition: ReportEdition; date: string },
	ext: ReportFileExt
): string {
	return `gap-report-${model.date}${model.edition === 'full' ? '-full' : ''}.${ext}`;
}

/**
 * A name without the characters no file name may hold, nor the invisible direction controls that
 * would make it read in another order (a name stored before they were refused may hold some).
 */
export function safeFileName(name: string): string {
	return (
		withoutBidiControlChars(name)
			.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_')
			.trim() || '_'
	);
}
