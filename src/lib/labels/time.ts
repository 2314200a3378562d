import { m } from '$lib/paraglide/messages';

/** Beijing time for lists that format many moments, the zone not repeated in every row. */
export function chinaTimeFormat(
	locale: string,
	timeStyle: 'short' | 'medium' = 'short'
): Intl.DateTimeFormat {
	return new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : 'en-GB', {
		timeZone: 'Asia/Shanghai',
		dateStyle: 'medium',
		timeStyle
	});
}

/**
 * A moment as the people of this product read it: in Beijing time, named, whatever the zone of the
 * server that renders the page or of the browser that hydrates it (so the two render the same text,
 * and a date never moves by a day between them).
 */
export function chinaTime(at: Date | string, locale: string): string {
	const time = chinaTimeFormat(locale).format(new Date(at));
	return m.time_china({ time }, { locale: locale === 'zh' ? 'zh' : 'en' });
}
