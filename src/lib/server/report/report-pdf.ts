import type { ReportLang } from '../../domain/report-text';
import type { Database } from '../db/connection';
import type { AssessmentRecord } from '../db/queries/assessments';
import type { Membership } from '../db/queries/organisations';
import { reportContentDisposition } from '../web/downloads/content-disposition';
import { loadReportModel } from './load-report';
import { cachedReportPdf } from './report-cache';
import { renderPool } from '../documents/pdf/worker-pool';

/** The gap report as a PDF response, from the cache or rendered off the request thread. */
export async function reportPdfResponse(
	db: Database,
	input: { assessment: AssessmentRecord; membership: Membership; lang: ReportLang }
): Promise<Response> {
	const model = await loadReportModel(db, input);
	const pool = renderPool();
	const pdf = await cachedReportPdf(db, { assessmentId: input.assessment.id, model }, (m) =>
		pool.render(m)
	);
	return new Response(pdf.bytes as Uint8Array<ArrayBuffer>, {
		headers: {
			'content-type': 'application/pdf',
			'content-length': String(pdf.bytes.byteLength),
			'content-disposition': reportContentDisposition(model.cover.firm, model.cover.date),
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
