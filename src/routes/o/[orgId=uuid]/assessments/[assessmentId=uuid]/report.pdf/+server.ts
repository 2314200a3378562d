import { requireAssessment } from '$lib/server/web/guards/assessment';
import { reportPdfResponse } from '$lib/server/web/downloads/report-pdf';
import { requireReportQuery } from '$lib/server/web/downloads/report-request';
import { runtime } from '$lib/server/web/runtime';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const { assessment, membership } = await requireAssessment(
		event,
		event.params.orgId,
		event.params.assessmentId,
		'view',
		{ wholeAssessment: true }
	);
	return reportPdfResponse(runtime().db, {
		assessment,
		membership,
		...requireReportQuery(event)
	});
};
