import { z } from './zod';

/** The purge's confirmation: the assessment's title, typed (compared by the action). */
export const purgeSchema = z.object({ confirmation: z.string().trim().max(500).default('') });
export type PurgeForm = typeof purgeSchema._zod.output;
