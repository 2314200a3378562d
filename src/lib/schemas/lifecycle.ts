import { m } from '$lib/paraglide/messages';
import { z } from './zod';

/** The purge's confirmation: the assessment's title or the client's name, typed (compared by the action). */
export const purgeSchema = z.object({ confirmation: z.string().trim().max(500).default('') });
export type PurgeForm = typeof purgeSchema._zod.output;

/** The deletion's confirmation: a ticked box (a plain form, so it works without JavaScript). */
export const deleteSchema = z.object({
	confirmed: z
		.boolean()
		.default(false)
		.refine((ticked) => ticked, { error: () => m.clients_lifecycle_err_delete_confirm() })
});
export type DeleteForm = typeof deleteSchema._zod.output;
