import { requireAssessment } from '$lib/server/assessments/guards';
import { reportContentDisposition } from '$lib/server/report/content-disposition';
import { loadReportModel } from '$lib/server/report/load-report';
import { cachedReportPdf } from '$lib/server/report/report-cache';
import { requireReportLang } from '$lib/server/report/report-request';
import { renderPool } from '$lib/server/report/worker-pool';
import { runtime } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const { assessment, membership } = await requireAssessment(
		event,
		event.params.orgId,
		event.params.assessmentId,
		'view',
		{ wholeAssessment: true }
	);
	const lang = requireReportLang(event);
	const { db } = runtime();
	const model = await loadReportModel(db, { assessment, membership, lang });
	const pool = renderPool();
	const pdf = await cachedReportPdf(db, { assessmentId: assessment.id, model }, (m) =>
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
};
