/** RFC 5987 encoding for a UTF-8 filename* parameter. */
function encodeRfc5987(value: string): string {
	return encodeURIComponent(value).replace(
		/['()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
	);
}

/**
 * An attachment named gap-report-<date>.pdf for old clients and 差距报告-<firm>-<date>.pdf for the
 * rest; the firm's name loses the characters no file name may hold.
 */
export function reportContentDisposition(firm: string, date: string): string {
	return namedAttachment(`gap-report-${date}.pdf`, `差距报告-${safeFileName(firm)}-${date}.pdf`);
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
