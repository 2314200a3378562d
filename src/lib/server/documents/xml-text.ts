/**
 * Characters XML 1.0 cannot hold, or that no reader should get: C0 controls other than tab,
 * newline and carriage return (and C1 controls and DEL), the noncharacters U+FFFE and U+FFFF, lone
 * surrogates (half of a pair, from a cut string), and the text-direction controls the app refuses
 * on input (domain/answer-rules.ts) but a text stored before that may still hold: Word and Excel
 * would show such a text in another order than it was written. A pasted control character must not
 * make a DOCX or XLSX file unreadable; the one place that says which characters go.
 */
const NOT_XML =
	/(?![\t\n\r])\p{Cc}|[\uFFFE\uFFFF]|\p{Cs}|[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/** The text without the characters an XML document cannot hold. */
export function xmlSafe(text: string): string {
	return text.replace(NOT_XML, '');
}

/** A spreadsheet row with every text cell made XML-safe (numbers, dates and nulls as they are). */
export function xmlSafeRow<T extends Record<string, unknown>>(row: T): T {
	return Object.fromEntries(
		Object.entries(row).map(([key, value]) => [
			key,
			typeof value === 'string' ? xmlSafe(value) : value
		])
	) as T;
}
