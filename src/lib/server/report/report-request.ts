import { error, type RequestEvent } from '@sveltejs/kit';
import type { ReportLang } from '$lib/domain/report-text';
import { m } from '$lib/paraglide/messages';
import { reportQuerySchema } from '$lib/schemas/report';

/** The report language the request asks for; 400 for anything but zh, en or both. */
export function requireReportLang(event: RequestEvent): ReportLang {
	const parsed = reportQuerySchema.safeParse({
		lang: event.url.searchParams.get('lang') ?? undefined
	});
	if (!parsed.success) error(400, m.report_err_lang());
	return parsed.data.lang;
}
