import { requireAssessment } from '$lib/server/web/guards/assessment';
import { reportResponse } from '$lib/server/web/downloads/report-file';
import { requireReportQuery } from '$lib/server/web/downloads/report-request';
import { runtime } from '$lib/server/web/runtime';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
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
		format: 'docx'
	});
};
