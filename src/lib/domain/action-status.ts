/** Where the action that closes a gap stands: kept with the gap, set on the item or in bulk. */
export const actionStatuses = ['open', 'in_progress', 'done'] as const;
export type ActionStatus = (typeof actionStatuses)[number];
