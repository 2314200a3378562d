import { z } from 'zod';
import { reportEditions, reportLangs } from '$lib/domain/report-text';

/** The report's language from the query string: zh, en or both (the default), and its edition. */
export const reportQuerySchema = z.object({
	lang: z.enum(reportLangs).default('both'),
	edition: z.enum(reportEditions).default('summary')
});

/** The language of an action plan file: one language. */
export const exportLangQuerySchema = z.object({ lang: z.enum(['zh', 'en']) });
