import { requireAssessment } from '$lib/server/assessments/guards';
import { reportPdfResponse } from '$lib/server/report/pdf-response';
import { requireReportLang } from '$lib/server/report/report-request';
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
	return reportPdfResponse(runtime().db, {
		assessment,
		membership,
		lang: requireReportLang(event)
	});
};
