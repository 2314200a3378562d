import type { Database } from '../db/connection';
import { audited, type Actor } from '../db/audited';
import {
	findRequireTwoFactor,
	listMembersTwoFactor,
	listOrgsRequiringTwoFactor,
	updateRequireTwoFactor
} from '../db/queries/org-security';
import { findOrganisation } from '../db/queries/organisations';

/** Whether the organisation requires two-factor of its members. */
export function requiresTwoFactor(db: Database, orgId: string): Promise<boolean> {
	return findRequireTwoFactor(db, orgId);
}

/**
 * An owner requires (or stops requiring) two-factor of every member. It applies at once, to
 * sessions already open too: the organisation's pages check it on every request.
 */
export async function setRequireTwoFactor(
	db: Database,
	actor: Actor,
	input: { orgId: string; required: boolean }
): Promise<void> {
	const before = await findRequireTwoFactor(db, input.orgId);
	await audited(db, actor, async (tx) => {
		await updateRequireTwoFactor(tx, input.orgId, input.required);
		tx.record({
			action: 'organisation.two_factor_policy_changed',
			orgId: input.orgId,
			entity: { type: 'organisation', id: input.orgId },
			before: { required: before },
			after: { required: input.required }
		});
	});
}

export function orgsRequiringTwoFactor(db: Database, userId: string): Promise<string[]> {
	return listOrgsRequiringTwoFactor(db, userId);
}

export function membersWithTwoFactor(db: Database, orgId: string): Promise<Set<string>> {
	return listMembersTwoFactor(db, orgId);
}

/** The organisation's name (for "… requires two-factor"), or null. */
export async function organisationName(db: Database, orgId: string): Promise<string | null> {
	return (await findOrganisation(db, orgId))?.name ?? null;
}
