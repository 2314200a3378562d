import { z } from 'zod';
import { reportLangs } from '$lib/domain/report-text';

/** The report's language from the query string: zh, en or both (the default). */
export const reportQuerySchema = z.object({ lang: z.enum(reportLangs).default('both') });
