import { isCalendarDate } from '../domain/calendar-date';
import type { StoredAnswer } from '$lib/domain/stored-answer';
import type { ProfileQuestion } from '$lib/domain/corpus';
import { answerStatuses } from '$lib/domain/scoring';
import { IDENTITY_MAX, isIdentityField } from '$lib/domain/identity';
import { m } from '$lib/paraglide/messages';
import { NOTE_LIMIT } from '$lib/domain/answer-rules';
import { optionalText, requiredText, z } from './zod';

export const startAssessmentSchema = z.object({
	title: requiredText(200),
	/** A consultancy's assessment is for one of its clients ('' for its own). */
	clientId: z.union([z.literal(''), z.uuid()]).default('')
});

/** The longest note the form carries at all, well under the 1 MB form limit. */
const NOTE_STORED_MAX = 200_000;

/** A due date: YYYY-MM-DD, or empty. */
const dueDate = z
	.string()
	.trim()
	.default('')
	.refine((v) => v === '' || isCalendarDate(v), {
		error: () => m.err_date()
	});

/** An item's id as the corpus writes it. */
const itemId = z.string().regex(/^[A-Z]{2,5}-\d{3}$/);

export const answerSchema = z.object({
	itemId,
	version: z.number().int().min(0).max(1_000_000).default(0),
	status: z
		.string()
		.default('')
		.refine((v) => (answerStatuses as readonly string[]).includes(v), {
			error: () => m.err_choice()
		}),
	// NOTE_LIMIT applies to a note the person changed (the service checks it): a note stored longer
	// (an older import) must still go back unchanged with every autosave of the other fields.
	note: z.string().max(NOTE_STORED_MAX).default(''),
	evidence: z.string().max(20000).default(''),
	owner: z.string().trim().max(200).default(''),
	due: dueDate
});

/**
 * One change to the answers chosen in the workspace. Each chosen item comes as "ID:version", the
 * version the person saw: an answer saved since is skipped, never overwritten.
 */
export const bulkAnswersSchema = z
	.object({
		items: z
			.array(z.string().regex(/^[A-Z]{2,5}-\d{3}:\d{1,7}$/))
			.min(1, { error: () => m.workspace_err_choose_items() })
			.max(1000)
			.default([]),
		change: z.enum(['not_applicable', 'confirm', 'owner', 'due']).default('confirm'),
		reason: z.string().trim().max(NOTE_LIMIT).default(''),
		owner: z.string().trim().max(200).default(''),
		due: dueDate
	})
	.superRefine((v, ctx) => {
		const missing = (path: 'reason' | 'owner' | 'due', message: string) =>
			ctx.addIssue({ code: 'custom', path: [path], message });
		if (v.change === 'not_applicable' && v.reason === '') missing('reason', m.err_na_reason());
		if (v.change === 'owner' && v.owner === '') missing('owner', m.workspace_err_owner());
		if (v.change === 'due' && v.due === '') missing('due', m.err_date());
	});
export type BulkAnswersForm = typeof bulkAnswersSchema._zod.output;

/** One evidence reference a line; blank lines dropped. */
export function evidenceLines(text: string): string[] {
	return text
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter((l) => l !== '')
		.slice(0, 50);
}

/**
 * The profile form's schema, built from the corpus's profile questions. Every field posts as text
 * (booleans as "true"/"false") so nothing is pre-selected for the firm.
 */
export function profileSchema(questions: readonly ProfileQuestion[]) {
	const shape: Record<string, z.ZodType> = {
		version: z.number().int().min(0).max(1_000_000).default(0),
		// The identity as the form showed it: a field left unchanged is not written back, so a form
		// opened before someone edited the client record does not undo that edit.
		was_registered_name: z.string().max(IDENTITY_MAX.registered_name).default(''),
		was_business_scope: z.string().max(IDENTITY_MAX.business_scope).default('')
	};
	for (const q of questions) {
		const allowed = q.options.map((o) => o.value);
		const choice = z.string().refine((v) => allowed.includes(v), { error: () => m.err_choice() });
		if (q.kind === 'text') {
			const max = isIdentityField(q.id) ? IDENTITY_MAX[q.id] : 500;
			shape[q.id] = q.required ? requiredText(max) : optionalText(max);
		} else if (q.kind === 'multi') {
			const list = z.array(choice).max(allowed.length);
			shape[q.id] = (
				q.required ? list.min(1, { error: () => m.err_choose_one_or_more() }) : list
			).default([]);
		} else if (q.kind === 'single') {
			shape[q.id] = q.required ? z.string().default('').pipe(choice) : z.string().default('');
		} else {
			const flag = z.string().default('');
			shape[q.id] = q.required
				? flag.refine((v) => v === 'true' || v === 'false', { error: () => m.err_yes_no() })
				: flag.refine((v) => v === '' || v === 'true' || v === 'false', {
						error: () => m.err_yes_no()
					});
		}
	}
	return z.object(shape);
}

export type AnswerForm = typeof answerSchema._zod.output;
export type AnswerNotice = {
	type: 'error' | 'success';
	text: string;
	conflict?: StoredAnswer | null;
};
/** What an answer card needs of a superform a plain post came back with. */
export interface AnswerFormState {
	data: AnswerForm;
	errors: {
		status?: string[];
		note?: string[];
		evidence?: string[];
		owner?: string[];
		due?: string[];
	};
	message?: AnswerNotice;
}
