import { error, type RequestEvent } from '@sveltejs/kit';
import type { ReportLang } from '$lib/domain/report-text';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { exportLangQuerySchema, reportQuerySchema } from '$lib/schemas/report';
import type { Lang } from '$lib/domain/corpus';

/** The report language the request asks for; 400 for anything but zh, en or both. */
export function requireReportLang(event: RequestEvent): ReportLang {
	const parsed = reportQuerySchema.safeParse({
		lang: event.url.searchParams.get('lang') ?? undefined
	});
	if (!parsed.success) error(400, m.report_err_lang());
	return parsed.data.lang;
}

/** The one language an export asks for (zh or en); the reader's own when the query names none. */
export function requireExportLang(event: RequestEvent): Lang {
	const parsed = exportLangQuerySchema.safeParse({
		lang: event.url.searchParams.get('lang') ?? getLocale()
	});
	if (!parsed.success) error(400, m.report_err_lang());
	return parsed.data.lang;
}
