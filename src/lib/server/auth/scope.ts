import type { Membership } from '../db/queries/organisations';

/**
 * What a member may reach inside the organisation. `null` is everything (owners, consultants,
 * viewers, a firm's respondents). A consultancy's respondent reaches one client only, optionally
 * one assessment of it and some of its domains; one without a client reaches nothing.
 */
export interface Reach {
	clientId: string | null;
	assessmentId: string | null;
	domains: string[] | null;
}

export function reachOf(membership: Membership): Reach | null {
	if (membership.role !== 'respondent') return null;
	if (membership.orgKind !== 'consultancy' && membership.clientId === null) return null;
	return {
		clientId: membership.clientId,
		assessmentId: membership.assessmentId,
		domains: membership.domains && membership.domains.length > 0 ? membership.domains : null
	};
}

export function isRestricted(membership: Membership): boolean {
	return reachOf(membership) !== null;
}

export function reachesAssessment(
	membership: Membership,
	assessment: { id: string; clientId: string | null }
): boolean {
	const reach = reachOf(membership);
	if (!reach) return true;
	return (
		reach.clientId !== null &&
		assessment.clientId === reach.clientId &&
		(reach.assessmentId === null || reach.assessmentId === assessment.id)
	);
}

export function reachesDomain(membership: Membership, domainId: string): boolean {
	const reach = reachOf(membership);
	return !reach?.domains || reach.domains.includes(domainId);
}

/** Whether the member sees every domain of what they reach (results and reports show them all). */
export function reachesWholeAssessments(membership: Membership): boolean {
	return !reachOf(membership)?.domains;
}
