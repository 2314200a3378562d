import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { hasBidiControl } from '$lib/domain/answer-rules';

/**
 * Validation messages in the reader's language. Zod calls this at parse time, when Paraglide's
 * getLocale() already knows the request's (server) or the page's (browser) language.
 */
z.config({
	customError: (issue) => {
		switch (issue.code) {
			case 'too_small':
				if (issue.origin === 'string') {
					return Number(issue.minimum) <= 1
						? m.err_required()
						: m.err_too_short({ min: Number(issue.minimum) });
				}
				// An empty checkbox group: say what to do, not that it is "invalid".
				if (issue.origin === 'array' && Number(issue.minimum) <= 1)
					return m.err_choose_one_or_more();
				return m.err_invalid();
			case 'too_big':
				return issue.origin === 'string'
					? m.err_too_long({ max: Number(issue.maximum) })
					: m.err_invalid();
			case 'invalid_format':
				return issue.format === 'email' ? m.err_email() : m.err_invalid();
			case 'invalid_value':
				return m.err_choice();
			case 'invalid_type':
				return issue.input === undefined || issue.input === null
					? m.err_required()
					: m.err_invalid();
			// A key a record does not allow (`answers.constructor`: not an item id).
			case 'invalid_key':
				return m.harden_err_invalid_key();
			case 'unrecognized_keys':
				return m.api_field_unknown();
			// Every other code (a union, an element, a refinement without its own message): ours,
			// never zod's English default.
			default:
				return m.err_invalid();
		}
	}
});

export { z };

export const email = () => z.string().trim().toLowerCase().min(1).max(254).pipe(z.email());
/**
 * Refuses text-direction controls (see answer-rules.ts): for every text people read back, in the
 * app or in a report. Refused with a message, never removed silently.
 */
export const withoutBidiControls = <T extends z.ZodType<string>>(schema: T) =>
	schema.refine((text) => !hasBidiControl(text), { error: () => m.harden_err_bidi_control() });

/** A text people type and others read: required, trimmed, at most `max`, no direction controls. */
export const requiredText = (max: number) => withoutBidiControls(z.string().trim().min(1).max(max));
/** The same, optional: empty when left blank. */
export const optionalText = (max: number) =>
	withoutBidiControls(z.string().trim().max(max)).default('');
export const password = () => z.string().min(10).max(200);
export const uuid = () => z.uuid();
