/**
 * The consultant's own words in a report (issue 17): an overall opinion, a statement of scope and
 * limitations, and an observation beside any gap. Each is written in Chinese, English or both, and
 * saved in versions: `version` is the one the text is, `by` and `at` who saved it and when.
 */

/** A text in the report's two languages; an empty string where it was not written. */
export interface VoiceText {
	zh: string;
	en: string;
}

export interface Authorship {
	/** The version saved last; 0 when nothing was ever saved. */
	version: number;
	/** Who saved it (their name), null when unknown (an account since deleted). */
	by: string | null;
	/** When, as an ISO instant. */
	at: string | null;
}

export interface ReportStatement extends Authorship {
	opinion: VoiceText;
	scope: VoiceText;
}

export interface GapObservation extends Authorship {
	itemId: string;
	text: VoiceText;
}

/** What the consultant wrote for an assessment's report, as it stands now. */
export interface ConsultantVoice {
	statement: ReportStatement;
	/** By item; only items that have one. */
	observations: Record<string, GapObservation>;
}

export const EMPTY_TEXT: VoiceText = { zh: '', en: '' };

/** The statement of an assessment nobody has written for yet. */
export const EMPTY_STATEMENT: ReportStatement = {
	version: 0,
	by: null,
	at: null,
	opinion: EMPTY_TEXT,
	scope: EMPTY_TEXT
};

export function emptyVoice(): ConsultantVoice {
	return { statement: EMPTY_STATEMENT, observations: {} };
}

/** Longest text a consultant may save in one field: a page or two, not a document. */
export const VOICE_TEXT_LIMIT = 8000;

export function hasText(t: VoiceText): boolean {
	return t.zh.trim() !== '' || t.en.trim() !== '';
}

/** The same words in both languages: a save that changes nothing makes no new version. */
export function sameText(a: VoiceText, b: VoiceText): boolean {
	return a.zh.trim() === b.zh.trim() && a.en.trim() === b.en.trim();
}
