import type { RequestEvent } from '@sveltejs/kit';
import { requireAssessment } from '../guards/assessment';
import { runtime } from '../runtime';
import { requireReportQuery } from './report-request';
import type { ReportEdition, ReportLang } from '../../../domain/report-text';
import { m } from '$lib/paraglide/messages';
import type { Database } from '../../db/connection';
import type { AssessmentRecord } from '../../db/queries/assessments';
import type { Membership } from '../../db/queries/organisations';
import { ReportBusy } from '../../report/report-cache';
import { ReportTooLong } from '../../report/report-pdf';
import { reportFile, type ReportFile } from '../../report/report-file';
import type { Actor } from '../../db/audited';
import type { ReportFileExt } from '../../../domain/report-file-name';
import { ApiError, errorResponse } from '../api/http';
import { namedAttachment } from './content-disposition';

const CONTENT_TYPES = {
	pdf: 'application/pdf',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
} as const;

/**
 * The gap report as a PDF or Word response (a final assessment's as issued); or, when it is not
 * produced now, why and what to do: too long (422), its organisation's render slots all taken (429)
 * or another instance still rendering it (503), the last two with Retry-After. The API answers
 * these as its JSON errors.
 */
export async function reportResponse(
	db: Database,
	actor: Actor,
	input: {
		assessment: AssessmentRecord;
		membership: Membership;
		lang: ReportLang;
		edition?: ReportEdition;
		format: ReportFileExt;
		/** Print the review comments with the gaps. */
		comments?: boolean;
	},
	options: { api?: boolean } = {}
): Promise<Response> {
	let file: ReportFile;
	try {
		file = await reportFile(db, actor, { ...input, edition: input.edition ?? 'summary' });
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
	return new Response(file.bytes as Uint8Array<ArrayBuffer>, {
		headers: {
			'content-type': CONTENT_TYPES[input.format],
			'content-length': String(file.bytes.byteLength),
			'content-disposition': namedAttachment(file.asciiName, file.fileName),
			// A compliance report is not kept in shared or browser caches; the ETag names its content.
			'cache-control': 'private, no-store',
			...(file.etag ? { etag: `"${file.etag}"` } : {}),
			'server-timing': file.timing
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

/** The web's report download (report.pdf, report.docx): anyone who may view the whole assessment. */
export async function reportDownload(
	event: RequestEvent<{ orgId: string; assessmentId: string }>,
	format: ReportFileExt
): Promise<Response> {
	const { assessment, membership, actor } = await requireAssessment(
		event,
		event.params.orgId,
		event.params.assessmentId,
		'view',
		{ wholeAssessment: true }
	);
	return reportResponse(runtime().db, actor, {
		assessment,
		membership,
		...requireReportQuery(event),
		format
	});
}
