import { m } from '$lib/paraglide/messages';

/**
 * What a report prints for a character neither font has: 〓 (U+3013 GETA MARK), the sign Chinese
 * and Japanese typesetting use for a character the type case lacks — visible where a tofu box
 * would pass for a glyph, and the text copied from the PDF keeps a trace of it.
 */
export const MISSING_GLYPH = '〓';

/** The closing note naming the characters replaced (`list`: their code points). */
export function missingGlyphNote(list: string, locale: 'zh' | 'en'): string {
	return m.harden_pdf_missing_glyphs({ mark: MISSING_GLYPH, list }, { locale });
}

/** The note's words in each language, for cache keys: a reworded note renders afresh. */
export function missingGlyphNoteWords(): string {
	return missingGlyphNote('', 'zh') + '\n' + missingGlyphNote('', 'en');
}
