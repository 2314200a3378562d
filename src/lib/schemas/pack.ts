import { m } from '$lib/paraglide/messages';
import {
	DEFAULT_VALIDITY_MONTHS,
	MAX_VALIDITY_MONTHS,
	PACK_TEXT_MAX,
	packTextFields,
	type PackField
} from '$lib/domain/pack-input';
import { isCalendarDate } from '../domain/calendar-date';
import { withoutBidiControls, z } from './zod';

const optionalText = withoutBidiControls(
	z
		.string()
		.trim()
		.max(PACK_TEXT_MAX, { error: () => m.pack_err_text() })
)
	.default('')
	.transform((v) => (v === '' ? null : v));

/**
 * The pack form (web, API and the CLI's --pack-input): what the product cannot know. Every text is
 * optional (left empty, the pack says "to be completed"); the date is a real one; the validity a
 * whole number of months.
 */
export const packInputSchema = z.object({
	...(Object.fromEntries(packTextFields.map((f) => [f, optionalText])) as Record<
		(typeof packTextFields)[number],
		typeof optionalText
	>),
	planned_filing_date: z
		.string()
		.trim()
		.default('')
		.refine((v) => v === '' || isCalendarDate(v), { error: () => m.pack_err_date() })
		.transform((v) => (v === '' ? null : v)),
	validity_months: z.coerce
		.number({ error: () => m.pack_err_months() })
		.int({ error: () => m.pack_err_months() })
		.min(1, { error: () => m.pack_err_months() })
		.max(MAX_VALIDITY_MONTHS, { error: () => m.pack_err_months() })
		.default(DEFAULT_VALIDITY_MONTHS)
});
export type PackInputForm = typeof packInputSchema._zod.output;

/**
 * The pack form on its page: the fields and the version the page was opened at, so that a save over
 * someone else's newer one is refused rather than silently replacing it. (A browser always sends it;
 * without it a post saves over, as before.)
 */
export const packPageFormSchema = packInputSchema.extend({
	version: z.coerce
		.number({ error: () => m.err_invalid() })
		.int({ error: () => m.err_invalid() })
		.min(0, { error: () => m.err_invalid() })
		.optional(),
	/**
	 * The form's values as the page was opened (JSON): a save over someone else's then merges field
	 * by field instead of refusing every field that differs. Never stored; unreadable is unknown.
	 */
	base: z
		.string()
		.max(20_000, { error: () => m.err_invalid() })
		.optional()
});
export type PackPageForm = typeof packPageFormSchema._zod.output;

/** The pack form's notice; on a conflict, what the other person saved in each field both changed. */
export type PackFormNotice = {
	type: 'error' | 'success';
	text: string;
	saved?: Partial<Record<PackField, string>>;
};

/** A person's text over one drafted section; empty goes back to the draft. */
export const packEditSchema = z.object({
	section: z.string().regex(/^[a-z_]{3,40}$/, { error: () => m.pack_err_section() }),
	text: withoutBidiControls(z.string().max(20_000, { error: () => m.pack_err_edit() }))
		.default('')
		.transform((v) => v.trim()),
	base_hash: z
		.string()
		.regex(/^[0-9a-f]{8}$/)
		.default('00000000'),
	/** The fingerprint of the person's text the form showed ('' when none): a later edit is a conflict. */
	edit_hash: z
		.string()
		.regex(/^([0-9a-f]{8})?$/)
		.default('')
});
export type PackEditForm = typeof packEditSchema._zod.output;

/** A pack download: Chinese (the filing's language) unless English is asked for; full unless public. */
export const packQuerySchema = z.object({
	lang: z.enum(['zh', 'en']).default('zh'),
	edition: z.enum(['full', 'public']).default('full')
});
