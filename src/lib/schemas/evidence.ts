import { m } from '$lib/paraglide/messages';
import { isCalendarDate } from '../domain/calendar-date';
import { requiredText, z } from './zod';

const itemId = z.string().regex(/^[A-Z]{2,5}-\d{3}$/);
const optionalDateText = z
	.string()
	.trim()
	.default('')
	.refine((v) => v === '' || isCalendarDate(v), { error: () => m.err_date() });
const optionalDate = optionalDateText.transform((v) => (v === '' ? null : v));

/** The text fields sent with evidence files (web form and API alike); files are parts named `file`. */
export const evidenceUploadSchema = z
	.object({
		effective_on: optionalDate,
		expires_on: optionalDate,
		replaces: z
			.string()
			.trim()
			.default('')
			.refine((v) => v === '' || z.uuid().safeParse(v).success, { error: () => m.err_invalid() })
			.transform((v) => (v === '' ? null : v))
	})
	.refine((v) => !v.effective_on || !v.expires_on || v.expires_on >= v.effective_on, {
		path: ['expires_on'],
		error: () => m.evidence_err_expiry_before()
	});

export const evidenceReviewSchema = z.object({
	itemId,
	fileId: z.uuid(),
	status: z.enum(['accepted', 'rejected'])
});

export const evidenceRemoveSchema = z.object({ itemId, fileId: z.uuid() });

export const evidenceRequestSchema = z.object({
	itemId,
	description: requiredText(1000),
	/** YYYY-MM-DD, or empty for no date. */
	dueOn: optionalDateText
});
