/**
 * A calendar date (YYYY-MM-DD: a due date, not a moment) in the reader's language. Read and
 * formatted in UTC so the day never moves with the zone of the server or the browser.
 */
export function formatCalendarDate(date: string, locale: string): string {
	return new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : 'en-GB', {
		timeZone: 'UTC',
		dateStyle: 'medium'
	}).format(new Date(`${date}T00:00:00Z`));
}
