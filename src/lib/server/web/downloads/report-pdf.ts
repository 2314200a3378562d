import type { ReportEdition, ReportLang } from '../../../domain/report-text';
import type { Database } from '../../db/connection';
import type { AssessmentRecord } from '../../db/queries/assessments';
import type { Membership } from '../../db/queries/organisations';
import { reportPdf } from '../../report/report-pdf';
import { reportContentDisposition } from './content-disposition';

/** The gap report as a PDF response. */
export async function reportPdfResponse(
	db: Database,
	input: {
		assessment: AssessmentRecord;
		membership: Membership;
		lang: ReportLang;
		edition?: ReportEdition;
	}
): Promise<Response> {
	const { model, pdf } = await reportPdf(db, input);
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
