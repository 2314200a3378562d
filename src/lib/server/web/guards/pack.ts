import { error, type RequestEvent } from '@sveltejs/kit';
import type { Membership } from '../../db/queries/organisations';
import { EDIT_ROLES, requireWholeAssessment } from './assessment';

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
	const viewer = await requireWholeAssessment(event);
	if (!canEditPack(viewer.membership)) error(403, 'Forbidden');
	return viewer;
}
