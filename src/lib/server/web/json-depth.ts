/**
 * How deep any input the app reads as JSON may nest. No schema of the app goes deeper than a few
 * levels (answers.LIC-001.evidence[2] is four): a body nested thousands of levels deep is refused
 * before JSON.parse and zod walk it (a 5 MB one held the server for 2.7 s).
 */
export const MAX_JSON_DEPTH = 32;

/** True when the JSON text opens more than `max` arrays or objects at once; one pass, no parse. */
export function jsonTooDeep(text: string, max = MAX_JSON_DEPTH): boolean {
	let depth = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 0x5c)
				i++; // backslash: skip the escaped character
			else if (c === 0x22) inString = false;
		} else if (c === 0x22) inString = true;
		else if (c === 0x5b || c === 0x7b) {
			if (++depth > max) return true;
		} else if (c === 0x5d || c === 0x7d) depth--;
	}
	return false;
}
