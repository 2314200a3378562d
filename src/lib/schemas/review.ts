import { requiredText, z } from './zod';

export const commentSchema = z.object({
	itemId: z.string().regex(/^[A-Z]{2,5}-\d{3}$/),
	body: requiredText(5000)
});

export const itemReviewSchema = z.object({
	itemId: z.string().regex(/^[A-Z]{2,5}-\d{3}$/),
	decision: z.enum(['accepted', 'changes_requested'])
});

export const reopenSchema = z.object({ reason: requiredText(1000) });
