/**
 * A calendar date as every form, import and API takes it: YYYY-MM-DD, a day that exists, in a year
 * a compliance deadline or a document's dates can fall in. Year 0000 or 275690 is no such date, and
 * PostgreSQL refuses some of them (it has no year 0): refused here, as the field's own error.
 */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2199;

const ISO_DATE = /^(\d{4})-\d{2}-\d{2}$/;

export function isCalendarDate(value: string): boolean {
	const year = ISO_DATE.exec(value)?.[1];
	if (!year || Number(year) < FIRST_YEAR || Number(year) > LAST_YEAR) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
