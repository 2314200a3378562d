import type { ReportEdition, ReportLang } from '../../../domain/report-text';

/** RFC 5987 encoding for a UTF-8 filename* parameter. */
function encodeRfc5987(value: string): string {
	return encodeURIComponent(value).replace(
		/['()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
	);
}

const reportNames = {
	zh: { report: '差距报告', full: '完整版' },
	en: { report: 'gap-report', full: 'full' }
} as const;

/**
 * The report's file name in its language (差距报告-<firm>-<date>.pdf, gap-report-<firm>-<date>.pdf,
 * both words in a bilingual one), marked when it is the full edition; the firm's name loses the
 * characters no file name may hold.
 */
export function reportFileName(model: {
	lang: ReportLang;
	edition: ReportEdition;
	cover: { firm: string; date: string };
}): string {
	const langs = model.lang === 'both' ? (['zh', 'en'] as const) : ([model.lang] as const);
	const words = langs.map((l) => reportNames[l]);
	const full = model.edition === 'full' ? words.map((w) => `-${w.full}`).join('') : '';
	const report = words.map((w) => w.report).join('-');
	return `${report}-${safeFileName(model.cover.firm)}-${model.cover.date}${full}.pdf`;
}

/**
 * An attachment named for the report's language (RFC 6266 filename*, UTF-8), with an ASCII
 * gap-report-<date>.pdf for clients that read no other.
 */
export function reportContentDisposition(model: Parameters<typeof reportFileName>[0]): string {
	const full = model.edition === 'full' ? '-full' : '';
	return namedAttachment(`gap-report-${model.cover.date}${full}.pdf`, reportFileName(model));
}

/** A name without the characters no file name may hold. */
export function safeFileName(name: string): string {
	return name.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_').trim() || '_';
}

/** An attachment with an ASCII name for old clients and a UTF-8 name (RFC 5987) for the rest. */
export function namedAttachment(ascii: string, utf8: string): string {
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(utf8)}`;
}

/** action-plan-<date>.<ext>, and 整改计划-<firm>-<date>.<ext> for clients that read UTF-8 names. */
export function actionPlanDisposition(plan: { firm: string; date: string }, ext: string): string {
	return namedAttachment(
		`action-plan-${plan.date}.${ext}`,
		`整改计划-${safeFileName(plan.firm)}-${plan.date}.${ext}`
	);
}
