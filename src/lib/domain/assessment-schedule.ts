/** How an assessment stands against its due date. */
export type ScheduleStanding = 'overdue' | 'due_soon' | 'on_time';

/** Days before the due date from which an assessment is due soon (the digest's horizon too). */
export const DUE_SOON_DAYS = 7;

/**
 * Overdue once the due date (a calendar date) has passed while the assessment is not final; due
 * soon within DUE_SOON_DAYS of it. Null without a due date or once final: nothing is owed.
 */
export function scheduleStanding(
	dueDate: string | null,
	state: 'draft' | 'in_review' | 'final',
	today: string
): ScheduleStanding | null {
	if (!dueDate || state === 'final') return null;
	if (dueDate < today) return 'overdue';
	const soon = new Date(`${today}T00:00:00Z`);
	soon.setUTCDate(soon.getUTCDate() + DUE_SOON_DAYS);
	return dueDate <= soon.toISOString().slice(0, 10) ? 'due_soon' : 'on_time';
}

/** What a page shows of an assessment's schedule. */
export interface AssessmentScheduleView {
	dueDate: string | null;
	responsibleName: string | null;
	standing: ScheduleStanding | null;
}
