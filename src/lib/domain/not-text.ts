/**
 * Why a string is not text that can be stored: a NUL character (PostgreSQL refuses it in text and
 * jsonb), or half of a UTF-16 surrogate pair (not a character at all; PostgreSQL refuses it too).
 * Null when it is text.
 */
export function notTextProblem(value: string): 'nul' | 'surrogate' | null {
	if (value.includes('\0')) return 'nul';
	if (LONE_SURROGATE.test(value)) return 'surrogate';
	return null;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The index of the first byte that breaks UTF-8 (overlong forms, surrogates and all), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
	if (validUtf8(bytes, false)) return -1;
	// The longest prefix that is UTF-8 (a character cut at its end allowed), by halving.
	let low = 0;
	let high = bytes.length;
	while (high - low > 1) {
		const middle = (low + high) >> 1;
		if (validUtf8(bytes.subarray(0, middle), true)) low = middle;
		else high = middle;
	}
	return low;
}

function validUtf8(bytes: Uint8Array, stream: boolean): boolean {
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream });
		return true;
	} catch {
		return false;
	}
}
