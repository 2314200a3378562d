import { error, type RequestEvent } from '@sveltejs/kit';
import type { ReportEdition, ReportLang } from '$lib/domain/report-text';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { exportLangQuerySchema, reportQuerySchema, wantsComments } from '$lib/schemas/report';
import type { Lang } from '$lib/domain/corpus';

/** The report language the request asks for; 400 for anything but zh, en or both. */
export function requireReportLang(event: RequestEvent): ReportLang {
	return requireReportQuery(event).lang;
}

/** The report's language, edition and comments choice; a 400 naming the field that is wrong. */
export function requireReportQuery(event: RequestEvent): {
	lang: ReportLang;
	edition: ReportEdition;
	comments: boolean;
} {
	const parsed = reportQuerySchema.safeParse({
		lang: event.url.searchParams.get('lang') ?? undefined,
		edition: event.url.searchParams.get('edition') ?? undefined,
		comments: event.url.searchParams.get('comments') ?? undefined
	});
	if (!parsed.success) {
		const field = parsed.error.issues[0]?.path[0];
		error(
			400,
			field === 'edition'
				? m.report_err_edition()
				: field === 'comments'
					? m.annex_err_comments()
					: m.report_err_lang()
		);
	}
	return { ...parsed.data, comments: wantsComments(parsed.data) };
}

/** The one language an export asks for (zh or en); the reader's own when the query names none. */
export function requireExportLang(event: RequestEvent): Lang {
	const parsed = exportLangQuerySchema.safeParse({
		lang: event.url.searchParams.get('lang') ?? getLocale()
	});
	if (!parsed.success) error(400, m.report_err_lang());
	return parsed.data.lang;
}
