import { m } from '$lib/paraglide/messages';

/**
 * A moment as the people of this product read it: in Beijing time, named, whatever the zone of the
 * server that renders the page or of the browser that hydrates it (so the two render the same text,
 * and a date never moves by a day between them).
 */
export function chinaTime(at: Date | string, locale: string): string {
	const language = locale === 'zh' ? 'zh' : 'en';
	const time = new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', {
		timeZone: 'Asia/Shanghai',
		dateStyle: 'medium',
		timeStyle: 'short'
	}).format(new Date(at));
	return m.time_china({ time }, { locale: language });
}

/** The same reading for lists that format many moments: Beijing time, the zone not repeated. */
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
