import { severities, type Localized, type Severity } from './corpus';

/** Where the action that closes a gap stands: kept with the gap, set on the item or in bulk. */
export const actionStatuses = ['open', 'in_progress', 'done'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

/** One row of the action plan. */
export interface ActionPlanEntry {
	itemId: string;
	action: Localized;
	severity: Severity;
	owner: string | null;
	due: string | null;
	status: ActionStatus;
	overdue: boolean;
}

/** An action plan row in the reader's language: what the action plan page lists. */
export type ActionRow = Omit<ActionPlanEntry, 'action'> & { action: string };

/** The action plan's filters: each a value or '' for all; an owner of '-' means "no owner yet". */
export interface ActionFilter {
	status: ActionStatus | '';
	severity: Severity | '';
	owner: string;
	/** Only the actions past their due date and not done. */
	overdue: boolean;
}

export const noActionFilter: ActionFilter = { status: '', severity: '', owner: '', overdue: false };

export function filterActions<T extends Omit<ActionRow, 'action'>>(
	actions: readonly T[],
	filter: ActionFilter
): T[] {
	return actions.filter(
		(a) =>
			(!filter.status || a.status === filter.status) &&
			(!filter.severity || a.severity === filter.severity) &&
			(!filter.owner || (filter.owner === '-' ? !a.owner : a.owner === filter.owner)) &&
			(!filter.overdue || a.overdue)
	);
}

/** The values the filters offer: only those some action has, severities most severe first. */
export function actionFilterOptions(actions: readonly Omit<ActionRow, 'action'>[]) {
	return {
		statuses: actionStatuses.filter((s) => actions.some((a) => a.status === s)),
		severities: severities.filter((s) => actions.some((a) => a.severity === s)),
		owners: [...new Set(actions.map((a) => a.owner).filter((o): o is string => !!o))].sort()
	};
}

/** How the plan stands, for the result page's summary: counts by status, and overdue. */
export function actionPlanSummary(actions: readonly Pick<ActionRow, 'status' | 'overdue'>[]) {
	const count = (status: ActionStatus) => actions.filter((a) => a.status === status).length;
	return {
		total: actions.length,
		open: count('open'),
		inProgress: count('in_progress'),
		done: count('done'),
		overdue: actions.filter((a) => a.overdue).length
	};
}
export type ActionPlanSummary = ReturnType<typeof actionPlanSummary>;
