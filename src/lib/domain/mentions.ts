const WORD = /[\p{L}\p{N}_@.-]/u;
/** Chinese (and Japanese) script: written without spaces, so a name may run straight into the text. */
const HAN = /[\p{Script=Han}]$/u;

/**
 * Who a comment mentions: `@` followed by a member's email or name (as the members page shows it),
 * any case, not followed by more of a word; where several fit one `@` (Li and Li Lei), the longest.
 * A name ending in a Chinese character may be followed directly by text (「@李雷请补充证据」: Chinese
 * puts no space there), so the longest member name the text after `@` starts with is the one meant.
 * Only the people given are matched, so a mention of anyone else — an outsider, a removed member —
 * matches nobody.
 */
export function mentionedMembers<T extends { name: string; email: string }>(
	body: string,
	members: T[]
): T[] {
	const text = body.toLocaleLowerCase();
	const found = new Set<T>();
	for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
		let best: { length: number; members: T[] } = { length: 0, members: [] };
		for (const m of members)
			for (const token of [m.email, m.name].map((s) => s.trim().toLocaleLowerCase())) {
				if (token.length === 0 || !text.startsWith(token, at + 1)) continue;
				const next = text.charAt(at + 1 + token.length);
				if (next && WORD.test(next) && !HAN.test(token)) continue;
				if (token.length > best.length) best = { length: token.length, members: [m] };
				else if (token.length === best.length && !best.members.includes(m)) best.members.push(m);
			}
		for (const m of best.members) found.add(m);
	}
	return members.filter((m) => found.has(m));
}
