import {
	asciiReportFileName,
	reportFileName,
	safeFileName,
	type ReportFileExt
} from '../../../domain/report-file-name';
import { cleanFileName } from '../../../domain/evidence';

export { reportFileName, safeFileName, type ReportFileExt };

/** RFC 5987 encoding for a UTF-8 filename* parameter. */
function encodeRfc5987(value: string): string {
	return encodeURIComponent(value).replace(
		/['()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
	);
}

/**
 * An attachment named for the report's language (RFC 6266 filename*, UTF-8), with an ASCII
 * gap-report-<date>.pdf for clients that read no other.
 */
export function reportContentDisposition(
	model: Parameters<typeof reportFileName>[0],
	ext: ReportFileExt = 'pdf'
): string {
	return namedAttachment(
		asciiReportFileName({ edition: model.edition, date: model.cover.date }, ext),
		reportFileName(model, ext)
	);
}

/** An attachment with an ASCII name for old clients and a UTF-8 name (RFC 5987) for the rest. */
export function namedAttachment(ascii: string, utf8: string): string {
	// Whatever the name was built from (a file name or a firm stored long ago), no control or
	// direction character reaches the browser's save dialog.
	const ascii_ = ascii.replace(/[^\x20-\x7e]|["\\]/g, '_');
	return `attachment; filename="${ascii_}"; filename*=UTF-8''${encodeRfc5987(cleanFileName(utf8))}`;
}

/** action-plan-<date>.<ext>, and 整改计划-<firm>-<date>.<ext> for clients that read UTF-8 names. */
export function actionPlanDisposition(plan: { firm: string; date: string }, ext: string): string {
	return namedAttachment(
		`action-plan-${plan.date}.${ext}`,
		`整改计划-${safeFileName(plan.firm)}-${plan.date}.${ext}`
	);
}
