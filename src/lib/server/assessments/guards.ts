import { error, type RequestEvent } from '@sveltejs/kit';
import type { Role } from '../db/schema';
import { findAssessment, type AssessmentRecord } from '../db/queries/assessments';
import { requireMembership, type Viewer } from '../auth/guards';
import type { Membership } from '../db/queries/organisations';
import { runtime } from '../runtime';

export const EDIT_ROLES: readonly Role[] = ['owner', 'consultant', 'respondent'];
export const START_ROLES: readonly Role[] = ['owner', 'consultant'];

export function canEdit(membership: Membership, assessment: AssessmentRecord): boolean {
	return EDIT_ROLES.includes(membership.role) && assessment.state !== 'final';
}

/** The assessment if it belongs to the viewer's organisation: 404 otherwise, 403 to edit without the role. */
export async function requireAssessment(
	event: RequestEvent,
	orgId: string,
	assessmentId: string,
	mode: 'view' | 'edit'
): Promise<Viewer & { membership: Membership; assessment: AssessmentRecord }> {
	const viewer = await requireMembership(event, orgId);
	const assessment = await findAssessment(runtime().db, {
		orgId: viewer.membership.orgId,
		id: assessmentId
	});
	if (!assessment) error(404, 'Not found');
	if (mode === 'edit' && !canEdit(viewer.membership, assessment)) error(403, 'Forbidden');
	return { ...viewer, assessment };
}
