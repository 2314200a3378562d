import { error, type RequestEvent } from '@sveltejs/kit';
import { runtime } from '../runtime';
import { comparable, compareRecords, type Comparison } from '../../assessments/comparison';
import { requireAssessment } from './assessment';

/**
 * The comparison of two assessments, both within the viewer's reach as whole assessments and
 * comparable (one organisation, one client): 404 otherwise.
 */
export async function requireComparison(
	event: RequestEvent<{ orgId: string; assessmentId: string; otherId: string }>
): Promise<Comparison> {
	const { orgId, assessmentId, otherId } = event.params;
	const options = { wholeAssessment: true };
	const [one, other] = await Promise.all([
		requireAssessment(event, orgId, assessmentId, 'view', options),
		requireAssessment(event, orgId, otherId, 'view', options)
	]);
	if (!comparable(one.assessment, other.assessment)) error(404, 'Not found');
	return compareRecords(runtime().db, one.assessment, other.assessment);
}
