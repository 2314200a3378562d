import { error, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { packQuerySchema } from '$lib/schemas/pack';
import type { Database } from '../../db/connection';
import type { AssessmentRecord } from '../../db/queries/assessments';
import { packFile, type PackFormat } from '../../pack/service';
import { ReportBusy } from '../../report/report-cache';
import { ApiError, errorResponse } from '../api/http';
import { requireAssessment } from '../guards/assessment';
import { runtime } from '../runtime';
import { namedAttachment } from './content-disposition';

const CONTENT_TYPES = {
	pdf: 'application/pdf',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
} as const;

export function parsePackQuery(url: URL) {
	return packQuerySchema.safeParse({
		lang: url.searchParams.get('lang') ?? undefined,
		edition: url.searchParams.get('edition') ?? undefined
	});
}

/**
 * The filing pack as a Word or PDF response, never cached by browsers or proxies; or, when every
 * render slot of its organisation is taken, 429 with Retry-After (the API as its JSON error).
 */
export async function packResponse(
	db: Database,
	input: {
		assessment: AssessmentRecord;
		lang: 'zh' | 'en';
		edition: 'full' | 'public';
		format: PackFormat;
	},
	options: { api?: boolean } = {}
): Promise<Response> {
	let file: Awaited<ReturnType<typeof packFile>>;
	try {
		file = await packFile(db, input);
	} catch (error) {
		if (!(error instanceof ReportBusy)) throw error;
		const seconds = error.retryAfterSeconds;
		const headers = { 'retry-after': String(seconds), 'cache-control': 'no-store' };
		const message = m.pack_err_org_busy({ seconds });
		if (options.api)
			return errorResponse(
				new ApiError(429, 'too_many_renders', message, undefined, undefined, headers)
			);
		return new Response(message, {
			status: 429,
			headers: { 'content-type': 'text/plain; charset=utf-8', ...headers }
		});
	}
	return new Response(file.bytes as Uint8Array<ArrayBuffer>, {
		headers: {
			'content-type': CONTENT_TYPES[input.format],
			'content-length': String(file.bytes.byteLength),
			'content-disposition': namedAttachment(file.asciiName, file.fileName),
			'cache-control': 'private, no-store',
			'server-timing': file.timing
		}
	});
}

/** The web's pack download: whoever may download the gap report (view, whole assessment). */
export async function packDownload(
	event: RequestEvent<{ orgId: string; assessmentId: string }>,
	format: PackFormat
): Promise<Response> {
	const { assessment } = await requireAssessment(
		event,
		event.params.orgId,
		event.params.assessmentId,
		'view',
		{ wholeAssessment: true }
	);
	const query = parsePackQuery(event.url);
	if (!query.success)
		error(
			400,
			query.error.issues[0]?.path[0] === 'edition' ? m.report_err_edition() : m.report_err_lang()
		);
	return packResponse(runtime().db, { assessment, ...query.data, format });
}
