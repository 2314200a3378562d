import { optionalText, z } from './zod';

/** Confirm one carried-over answer (itemId) or every one in a domain (domain). */
export const confirmCarriedOverSchema = z
	.object({
		itemId: z.string().trim().max(20).default(''),
		domain: z.string().trim().max(40).default('')
	})
	.refine((v) => (v.itemId === '') !== (v.domain === ''), { path: ['itemId'] });

/** Start the next assessment from this one; an empty title gets one derived from the previous. */
export const startFromPreviousSchema = z.object({
	previousId: z.uuid(),
	title: optionalText(200)
});
