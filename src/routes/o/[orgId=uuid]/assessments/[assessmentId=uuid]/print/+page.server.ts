import { requireAssessment } from '$lib/server/web/guards/assessment';
import { loadReportModel } from '$lib/server/report/load-report';
import { requireReportLang } from '$lib/server/web/downloads/report-request';
import { runtime } from '$lib/server/web/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { assessment, membership } = await requireAssessment(
		event,
		event.params.orgId,
		event.params.assessmentId,
		'view',
		{ wholeAssessment: true }
	);
	const lang = requireReportLang(event);
	return {
		lang,
		model: await loadReportModel(runtime().db, { assessment, membership, lang }),
		base: `/o/${membership.orgId}/assessments/${assessment.id}`
	};
};
