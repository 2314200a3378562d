import { m } from '$lib/paraglide/messages';
import { hasBidiControl, NOTE_LIMIT } from '$lib/domain/answer-rules';
import { withoutBidiControls, z } from './zod';

export { withoutBidiControls };

/**
 * A note in a JSON file (answers.json, an assessment's export): at most NOTE_LIMIT characters and
 * no text-direction controls, refused with the message the web and the template import give.
 */
export const noteText = () =>
	z
		.string()
		.max(NOTE_LIMIT)
		.refine((text) => !hasBidiControl(text), { error: () => m.harden_err_bidi_control() });
