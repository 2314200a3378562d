import { z } from 'zod';
import { reportEditions, reportLangs } from '$lib/domain/report-text';

/**
 * The report's language from the query string: zh, en or both (the default), its edition, and
 * whether the review comments are printed with the gaps (`comments=true`; not by default).
 */
export const reportQuerySchema = z.object({
	lang: z.enum(reportLangs).default('both'),
	edition: z.enum(reportEditions).default('summary'),
	comments: z
		.enum(['true', 'false'])
		.default('false')
		.meta({
			description:
				'true to print each item’s review comments (author, date, text) with its gap; a final ' +
				'assessment’s report with comments is issued and kept apart from the one without.'
		})
});

/** Whether a report query asks for the review comments. */
export const wantsComments = (query: { comments: 'true' | 'false' }): boolean =>
	query.comments === 'true';

/** The language of an action plan file: one language. */
export const exportLangQuerySchema = z.object({ lang: z.enum(['zh', 'en']) });
