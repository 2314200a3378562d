import { VOICE_TEXT_LIMIT } from '$lib/domain/consultant-voice';
import { m } from '$lib/paraglide/messages';
import { withoutBidiControls, z } from './zod';

const voiceText = () =>
	withoutBidiControls(
		z
			.string()
			.max(VOICE_TEXT_LIMIT, { error: () => m.voice_err_too_long({ max: VOICE_TEXT_LIMIT }) })
	).default('');
const version = () => z.coerce.number().int().min(0).default(0);

/** The consultant's overall opinion and scope statement, in Chinese and English (the result page). */
export const reportStatementSchema = z.object({
	version: version(),
	opinion_zh: voiceText(),
	opinion_en: voiceText(),
	scope_zh: voiceText(),
	scope_en: voiceText()
});
export type ReportStatementForm = typeof reportStatementSchema._zod.output;

/** The consultant's observation on one gap. */
export const gapObservationSchema = z.object({
	item: z.string().regex(/^[A-Z]{2,5}-\d{3}$/),
	version: version(),
	text_zh: voiceText(),
	text_en: voiceText()
});
export type GapObservationForm = typeof gapObservationSchema._zod.output;

/** What a save says back: the version now stored, or why not, with the current text on a conflict. */
export type VoiceNotice = {
	type: 'success' | 'error';
	text: string;
	current?: { version: number; by: string | null; at: string | null; texts: string[] } | null;
};
