import { z } from 'zod';
import { MAX_VALIDITY_MONTHS, PACK_TEXT_MAX, packTextFields } from '../domain/pack-input';
import { hasBidiControl } from '../domain/answer-rules';
import { m } from '../paraglide/messages';
import { apiErrorSchema } from './api';

const text = z
	.string()
	.trim()
	.max(PACK_TEXT_MAX)
	.refine((t) => !hasBidiControl(t), { error: () => m.harden_err_bidi_control() })
	.nullable()
	.meta({
		description: `At most ${PACK_TEXT_MAX} characters, without text-direction controls; null or empty: to be completed`
	});

const fields = {
	...(Object.fromEntries(packTextFields.map((f) => [f, text])) as Record<
		(typeof packTextFields)[number],
		typeof text
	>),
	planned_filing_date: z.iso
		.date()
		.nullable()
		.meta({ description: 'The planned filing date (YYYY-MM-DD); null: to be completed' }),
	validity_months: z
		.int()
		.min(1)
		.max(MAX_VALIDITY_MONTHS)
		.meta({ description: 'How long the verdict holds before filing, in months (default 3)' })
};

/** The filing pack's form as the API reads it: every field, and the version it was read at. */
export const packFormSchema = z
	.object({ ...fields, version: z.int().meta({ description: 'Raised by every save' }) })
	.meta({ id: 'PackForm' });

/**
 * PUT /assessments/{id}/pack: the whole form (a field left out is cleared) and `version`, the one
 * read (0 or absent before the first save): a stale one is refused with the current form.
 */
export const putPackSchema = z
	.object({
		...Object.fromEntries(packTextFields.map((f) => [f, text.optional().default(null)])),
		planned_filing_date: fields.planned_filing_date.optional().default(null),
		validity_months: fields.validity_months.optional().default(3),
		version: z.int().min(0).max(1_000_000_000).optional()
	} as {
		[K in (typeof packTextFields)[number]]: z.ZodDefault<z.ZodOptional<typeof text>>;
	} & {
		planned_filing_date: z.ZodDefault<z.ZodOptional<typeof fields.planned_filing_date>>;
		validity_months: z.ZodDefault<z.ZodOptional<typeof fields.validity_months>>;
		version: z.ZodOptional<z.ZodInt>;
	})
	.meta({ id: 'PackFormInput' });

export const packConflictSchema = apiErrorSchema
	.extend({ current: packFormSchema })
	.meta({ id: 'PackConflict' });
