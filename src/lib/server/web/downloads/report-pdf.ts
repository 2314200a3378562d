import type { ReportEdition, ReportLang } from '../../../domain/report-text';
import { m } from '$lib/paraglide/messages';
import type { Database } from '../../db/connection';
import type { AssessmentRecord } from '../../db/queries/assessments';
import type { Membership } from '../../db/queries/organisations';
import { ReportBusy } from '../../report/report-cache';
import { reportPdf, ReportTooLong } from '../../report/report-pdf';
import { ApiError, errorResponse } from '../api/http';
import { reportContentDisposition } from './content-disposition';

/**
 * The gap report as a PDF response; or, when it is not rendered now, why and what to do: too long
 * (422), its organisation's render slots all taken (429) or another instance still rendering it
 * (503), the last two with Retry-After. The API answers these as its JSON errors.
 */
export async function reportPdfResponse(
	db: Database,
	input: {
		assessment: AssessmentRecord;
		membership: Membership;
		lang: ReportLang;
		edition?: ReportEdition;
	},
	options: { api?: boolean } = {}
): Promise<Response> {
	let result: Awaited<ReturnType<typeof reportPdf>>;
	try {
		result = await reportPdf(db, input);
	} catch (error) {
		const refusal = reportRefusal(error);
		if (!refusal) throw error;
		if (options.api)
			return errorResponse(
				new ApiError(refusal.status, refusal.code, refusal.message, undefined, undefined, {
					...refusal.headers
				})
			);
		return new Response(refusal.message, {
			status: refusal.status,
			headers: { 'content-type': 'text/plain; charset=utf-8', ...refusal.headers }
		});
	}
	const { model, pdf } = result;
	return new Response(pdf.bytes as Uint8Array<ArrayBuffer>, {
		headers: {
			'content-type': 'application/pdf',
			'content-length': String(pdf.bytes.byteLength),
			'content-disposition': reportContentDisposition(model),
			'cache-control': 'private, no-store',
			// A compliance report is not kept in shared or browser caches; the ETag names its content.
			etag: `"${pdf.key}"`,
			'server-timing':
				pdf.cache === 'hit'
					? 'report;desc="cache"'
					: `report;dur=${pdf.ms.toFixed(0)};desc="${pdf.renderer}"`
		}
	});
}

function reportRefusal(error: unknown): {
	status: 422 | 429 | 503;
	code: string;
	message: string;
	headers: Record<string, string>;
} | null {
	if (error instanceof ReportTooLong)
		return {
			status: 422,
			code: 'report_too_long',
			message: m.report_err_too_long({
				pages: error.pages,
				budget: error.budget,
				items: error.longestItems.join(', ')
			}),
			headers: {}
		};
	if (!(error instanceof ReportBusy)) return null;
	const seconds = error.retryAfterSeconds;
	const headers = { 'retry-after': String(seconds), 'cache-control': 'no-store' };
	return error.reason === 'org_full'
		? {
				status: 429,
				code: 'too_many_reports',
				message: m.report_err_org_busy({ seconds }),
				headers
			}
		: {
				status: 503,
				code: 'report_being_prepared',
				message: m.report_err_preparing({ seconds }),
				headers
			};
}
