import { actionStatuses } from '$lib/domain/action-status';
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
