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
	const safeFirm = firm.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_').trim() || '_';
	return `attachment; filename="gap-report-${date}.pdf"; filename*=UTF-8''${encodeRfc5987(`差距报告-${safeFirm}-${date}.pdf`)}`;
}
