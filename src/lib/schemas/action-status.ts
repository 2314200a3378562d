import { actionStatuses } from '$lib/domain/action-status';
import { severities } from '$lib/domain/corpus';
import { m } from '$lib/paraglide/messages';
import { z } from './zod';

/** The action status set on one gap's action or on several at once (the result page's action plan). */
export const actionStatusSchema = z.object({
	items: z
		.array(z.string().regex(/^[A-Z]{2,5}-\d{3}$/))
		.min(1, { error: () => m.report_action_status_err_items() })
		.max(1000)
		.default([]),
	status: z.enum(actionStatuses).default('open')
});
export type ActionStatusForm = typeof actionStatusSchema._zod.output;

/**
 * The action plan page's filters, from its query string: each one value or absent for all. A value
 * the page never offers is refused (a 400 naming the filter), not silently ignored.
 */
export const actionPlanFilterSchema = z.object({
	status: z.enum(actionStatuses).or(z.literal('')).default(''),
	severity: z.enum(severities).or(z.literal('')).default(''),
	owner: z.string().max(200).default(''),
	overdue: z
		.enum(['', '1'])
		.default('')
		.transform((v) => v === '1')
});
export type ActionPlanFilterQuery = typeof actionPlanFilterSchema._zod.output;
