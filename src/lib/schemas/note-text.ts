import { m } from '$lib/paraglide/messages';
import { hasBidiControl, NOTE_LIMIT } from '$lib/domain/answer-rules';
import { z } from './zod';

/**
 * A note in a JSON file (answers.json, an assessment's export): at most NOTE_LIMIT characters and
 * no text-direction controls, refused with the message the web and the template import give.
 */
/** Refuses text-direction controls (see answer-rules.ts): for every text printed in a report. */
export const withoutBidiControls = <T extends z.ZodType<string>>(schema: T) =>
	schema.refine((text) => !hasBidiControl(text), { error: () => m.harden_err_bidi_control() });

export const noteText = () =>
	z
		.string()
		.max(NOTE_LIMIT)
		.refine((text) => !hasBidiControl(text), { error: () => m.harden_err_bidi_control() });
