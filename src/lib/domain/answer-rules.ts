import type { Item } from './corpus';
import type { AnswerStatus } from './scoring';
import type { AnswerValues } from './stored-answer';

/** The longest note a person may write, here and in the questionnaire template's import. */
export const NOTE_LIMIT = 5000;

/** What an item's own rules refuse. */
export type ItemRuleProblem =
	{ field: 'status'; code: 'na_refused' } | { field: 'note'; code: 'na_reason_required' };
/**
 * Why a save is refused: an item's rule, a changed note longer than NOTE_LIMIT, or a changed text
 * (note, evidence notes, owner) holding text-direction controls.
 */
export type AnswerProblem =
	| ItemRuleProblem
	| { field: 'note'; code: 'too_long' }
	| { field: BidiCheckedField; code: 'bidi_control' };

/** The answer's free texts, each printed in reports. */
export type BidiCheckedField = 'note' | 'evidence' | 'owner';

/**
 * Unicode's explicit text-direction controls (embeddings and overrides U+202A–U+202E, isolates
 * U+2066–U+2069), and the direction marks U+200E, U+200F and U+061C. Invisible, they make text display in another order than it is stored ("Trojan
 * Source"): a note could read differently in a report than what was written. Nobody types them in
 * Chinese or English text, so a note holding one is refused with a message (web, API and import
 * alike) rather than changed silently.
 */
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const BIDI_CONTROLS = new RegExp(BIDI_CONTROL.source, 'g');

export function hasBidiControl(text: string): boolean {
	return BIDI_CONTROL.test(text);
}

/** The text without its direction controls: for what is built from stored text (file names). */
export function withoutBidiControlChars(text: string): string {
	return text.replace(BIDI_CONTROLS, '');
}

/**
 * The free texts of an answer that hold text-direction controls and differ from what was stored
 * (a text stored before such controls were refused is kept as it is until someone changes it).
 */
export function bidiControlProblems(
	values: AnswerValues,
	before: AnswerValues | null
): AnswerProblem[] {
	const texts: Record<BidiCheckedField, (v: AnswerValues) => string> = {
		note: (v) => v.note,
		evidence: (v) => v.evidence.join('\n'),
		owner: (v) => v.owner ?? ''
	};
	return (Object.keys(texts) as BidiCheckedField[])
		.filter((field) => {
			const text = texts[field](values);
			return hasBidiControl(text) && (before === null || text !== texts[field](before));
		})
		.map((field) => ({ field, code: 'bidi_control' }));
}

/** Whether two answers say the same thing: saving one over the other would change nothing. */
export function sameAnswerValues(a: AnswerValues, b: AnswerValues): boolean {
	return (
		a.status === b.status &&
		a.note === b.note &&
		(a.owner ?? null) === (b.owner ?? null) &&
		(a.due ?? null) === (b.due ?? null) &&
		a.evidence.length === b.evidence.length &&
		a.evidence.every((line, i) => line === b.evidence[i])
	);
}

/** Item-specific rules an answer must meet, beyond its shape. */
export function answerProblems(
	item: Item,
	answer: { status: AnswerStatus; note: string }
): ItemRuleProblem[] {
	if (answer.status !== 'not_applicable') return [];
	if (item.never_na) return [{ field: 'status', code: 'na_refused' }];
	if (answer.note.trim() === '') return [{ field: 'note', code: 'na_reason_required' }];
	return [];
}
