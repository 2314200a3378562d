import { error, type RequestEvent } from '@sveltejs/kit';
import type { Role } from '../../db/schema';
import { findAssessment, type AssessmentRecord } from '../../db/queries/assessments';
import { requireMembership, type Viewer } from './auth';
import { reachesAssessment, reachesDomain, reachesWholeAssessments } from '../../auth/scope';
import type { Membership } from '../../db/queries/organisations';
import { runtime } from '../runtime';
import { oncePerView } from './once';
import { loadAssessmentView } from '../../assessments/service';

export const EDIT_ROLES: readonly Role[] = ['owner', 'consultant', 'respondent'];
export const START_ROLES: readonly Role[] = ['owner', 'consultant'];
/** Who reviews: comments, accepts items, requests changes and finalises. */
export const REVIEW_ROLES: readonly Role[] = ['owner', 'consultant'];

export function canEdit(membership: Membership, assessment: AssessmentRecord): boolean {
	return EDIT_ROLES.includes(membership.role) && assessment.state !== 'final';
}

export function canReview(membership: Membership): boolean {
	return REVIEW_ROLES.includes(membership.role);
}

/**
 * The assessment if it belongs to the viewer's organisation and lies within their reach: 404
 * otherwise, 403 to edit without the role. `wholeAssessment` pages (result, report, profile) show
 * every domain, so a respondent restricted to some domains gets 404 there. A deleted assessment
 * answers 404 except where `includeDeleted` (its restore and purge).
 */
export async function requireAssessment(
	event: RequestEvent,
	orgId: string,
	assessmentId: string,
	mode: 'view' | 'edit',
	options: { wholeAssessment?: boolean; includeDeleted?: boolean } = {}
): Promise<Viewer & { membership: Membership; assessment: AssessmentRecord }> {
	const viewer = await requireMembership(event, orgId);
	const assessment = await oncePerView(
		event,
		`assessment:${viewer.membership.orgId}:${assessmentId}`,
		() =>
			findAssessment(runtime().db, {
				orgId: viewer.membership.orgId,
				id: assessmentId,
				includeDeleted: true
			})
	);
	if (!assessment || !reachesAssessment(viewer.membership, assessment)) error(404, 'Not found');
	// A deleted assessment is gone but for its restore or purge (the lifecycle page).
	if (assessment.deletedAt && !options.includeDeleted) error(404, 'Not found');
	if (options.wholeAssessment && !reachesWholeAssessments(viewer.membership))
		error(404, 'Not found');
	if (mode === 'edit' && !canEdit(viewer.membership, assessment)) error(403, 'Forbidden');
	return { ...viewer, assessment };
}

/** An item of a domain outside the member's reach is not found, on view and on save alike. */
export function requireItemInReach(membership: Membership, item: { domain: string }): void {
	if (!reachesDomain(membership, item.domain)) error(404, 'Not found');
}

/** An assessment page or action that needs the whole assessment (result, report, pack, voice). */
export function requireWholeAssessment(
	event: RequestEvent<{ orgId: string; assessmentId: string }>
) {
	return requireAssessment(event, event.params.orgId, event.params.assessmentId, 'view', {
		wholeAssessment: true
	});
}

/**
 * The result and the pages below it (action plan, a gap's observation): the whole assessment in the
 * viewer's reach, and its evaluation (scoring, gaps) as the result shows it.
 */
export async function requireResultView(
	event: RequestEvent<{ orgId: string; assessmentId: string }>
) {
	const viewer = await requireWholeAssessment(event);
	return { ...viewer, view: await loadAssessmentView(runtime().db, viewer.assessment) };
}
