import { NOTE_LIMIT } from '$lib/domain/answer-rules';
import { withoutBidiControls, z } from './zod';

/**
 * A note in a JSON file (answers.json, an assessment's export): at most NOTE_LIMIT characters and
 * no text-direction controls, refused with the message the web and the template import give.
 */
export const noteText = () => withoutBidiControls(z.string().max(NOTE_LIMIT));
