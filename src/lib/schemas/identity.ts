import { z } from './zod';

/** A person's choice between the record's value and an assessment's own (identity conflicts). */
export const resolveConflictSchema = z.object({
	conflictId: z.uuid(),
	choice: z.enum(['record', 'profile']),
	/** The page to return to; only a page of the same organisation is followed. */
	next: z.string().max(500).default('')
});
