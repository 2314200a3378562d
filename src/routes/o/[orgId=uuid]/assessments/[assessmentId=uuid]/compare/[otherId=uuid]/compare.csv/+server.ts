import { error } from '@sveltejs/kit';
import { requireAssessment } from '$lib/server/assessments/guards';
import { loadComparison } from '$lib/server/assessments/comparison';
import { comparisonCsv } from '$lib/server/assessments/comparison-csv';
import { runtime } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const { assessment } = await requireAssessment(
		event,
		event.params.orgId,
		event.params.assessmentId,
		'view',
		{ wholeAssessment: true }
	);
	// The other assessment must be within the viewer's reach too.
	await requireAssessment(event, event.params.orgId, event.params.otherId, 'view', {
		wholeAssessment: true
	});
	const comparison = await loadComparison(runtime().db, {
		orgId: assessment.orgId,
		id: assessment.id,
		otherId: event.params.otherId
	});
	if (!comparison) error(404, 'Not found');
	const body = comparisonCsv(comparison);
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="comparison-${comparison.before.createdAt.slice(0, 10)}-${comparison.after.createdAt.slice(0, 10)}.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
