import LineBreaker from 'linebreak';

/** Longest run, in ems: a line ends at most this much short of the column's edge. */
const MAX_RUN_EM = 5;
/** Wider than the narrowest column the report has: such a piece could not be placed whole. */
const LONGEST_WORD_EM = 12;

function emLength(text: string): number {
	let em = 0;
	for (const ch of text) em += ch.charCodeAt(0) > 0x2e7f ? 1 : 0.55;
	return em;
}

export type Run =
	| { text: string; noWrap: boolean }
	/** A piece with no break opportunity wider than a column (a URL, a long code): break anywhere. */
	| { text: string; wordBreak: 'break-all' };

/**
 * Splits a text into runs that pdfmake lays out whole. pdfmake measures and places every piece
 * between two break opportunities separately, and Chinese has one after nearly every character;
 * grouping them into short runs, broken only where Unicode allows a break, divides that work
 * several times over at the cost of a slightly ragged right edge. A run that is too long to group
 * and a run before a forced line break are left for pdfmake to break; a piece too wide for any
 * column (a long URL, say) may break between any two characters.
 */
export function textRuns(text: string): Run[] {
	const runs: Run[] = [];
	const breaker = new LineBreaker(text);
	let current = '';
	let last = 0;
	const flush = () => {
		if (current !== '') runs.push({ text: current, noWrap: true });
		current = '';
	};
	for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
		const piece = text.slice(last, bk.position);
		last = bk.position;
		if (bk.required || /[\r\n]$/.test(piece)) {
			flush();
			runs.push({ text: piece, noWrap: false });
			continue;
		}
		if (emLength(piece) > MAX_RUN_EM) {
			flush();
			runs.push(
				emLength(piece) > LONGEST_WORD_EM
					? { text: piece, wordBreak: 'break-all' }
					: { text: piece, noWrap: false }
			);
			continue;
		}
		if (emLength(current + piece) > MAX_RUN_EM) flush();
		current += piece;
	}
	flush();
	return runs;
}
