import { z } from 'zod';
import { reportLangs } from '$lib/domain/report-text';

/** The report's language from the query string: zh, en or both (the default). */
export const reportQuerySchema = z.object({ lang: z.enum(reportLangs).default('both') });

/** The language of an action plan file: one language. */
export const exportLangQuerySchema = z.object({ lang: z.enum(['zh', 'en']) });
