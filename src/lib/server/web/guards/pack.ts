import { error, type RequestEvent } from '@sveltejs/kit';
import type { Membership } from '../../db/queries/organisations';
import { EDIT_ROLES, requireAssessment } from './assessment';

/**
 * Who changes a filing pack: whoever edits assessments (owner, consultant, respondent) and reaches
 * the whole assessment. Unlike the answers, the pack stays open once the assessment is final: the
 * filing is prepared after the self-assessment is signed off.
 */
export function canEditPack(membership: Membership): boolean {
	return EDIT_ROLES.includes(membership.role);
}

export async function requirePackEditor(
	event: RequestEvent<{ orgId: string; assessmentId: string }>
) {
	const viewer = await requireAssessment(
		event,
		event.params.orgId,
		event.params.assessmentId,
		'view',
		{ wholeAssessment: true }
	);
	if (!canEditPack(viewer.membership)) error(403, 'Forbidden');
	return viewer;
}
