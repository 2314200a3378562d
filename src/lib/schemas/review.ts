import { optionalText, requiredText, z } from './zod';

export const commentSchema = z.object({
	itemId: z.string().regex(/^[A-Z]{2,5}-\d{3}$/),
	body: requiredText(5000)
});

export const itemReviewSchema = z.object({
	itemId: z.string().regex(/^[A-Z]{2,5}-\d{3}$/),
	decision: z.enum(['accepted', 'changes_requested'])
});

export const reopenSchema = z.object({ reason: requiredText(1000) });

/**
 * Finalising: owner and reason may be empty while nothing is open; the action requires both when
 * items are (it knows which, the schema does not). `comments`: the issued report prints the review
 * comments (a checkbox; not by default).
 */
export const finaliseSchema = z.object({
	owner: optionalText(200),
	reason: optionalText(2000),
	comments: z.boolean().default(false)
});

const itemId = z.string().regex(/^[A-Z]{2,5}-\d{3}$/);

/**
 * The review list's one form: a decision button sends its item (`itemId`), "accept the chosen"
 * sends the ticked ones (`items`). One schema, so one superForm serves every button on the list.
 */
export const reviewListSchema = z.object({
	itemId: itemId.optional(),
	items: z.array(itemId).max(500).default([])
});
