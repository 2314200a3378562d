import type { Localized, Severity } from './corpus';

/** Where the action that closes a gap stands: kept with the gap, set on the item or in bulk. */
export const actionStatuses = ['open', 'in_progress', 'done'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

/** One row of the result page's action plan. */
export interface ActionPlanEntry {
	itemId: string;
	action: Localized;
	severity: Severity;
	owner: string | null;
	due: string | null;
	status: ActionStatus;
	overdue: boolean;
}
