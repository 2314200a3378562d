import { requireAssessment } from '$lib/server/web/guards/assessment';
import { loadReportModel } from '$lib/server/report/load-report';
import { requireReportQuery } from '$lib/server/web/downloads/report-request';
import { runtime } from '$lib/server/web/runtime';
import { refuseRememberedHeavyRead, requireHeavyRead } from '$lib/server/web/throttle';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	refuseRememberedHeavyRead(event);
	const { assessment, membership, user } = await requireAssessment(
		event,
		event.params.orgId,
		event.params.assessmentId,
		'view',
		{ wholeAssessment: true }
	);
	const { lang, comments } = requireReportQuery(event);
	await requireHeavyRead(event, { userId: user.id, orgId: membership.orgId });
	return {
		lang,
		model: await loadReportModel(runtime().db, { assessment, membership, lang, comments }),
		base: `/o/${membership.orgId}/assessments/${assessment.id}`
	};
};
