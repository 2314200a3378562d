import type { Database } from '../db/connection';
import { audited, type Actor, type AuditedTx } from '../db/audited';
import type { OrgKind, Role } from '../db/schema';
import {
	countOwners,
	deleteMembership,
	findMembership,
	findOrganisation,
	insertMembership,
	insertOrganisation,
	listMembers,
	listMemberships,
	updateMemberRole,
	type Member,
	type Membership
} from '../db/queries/organisations';
import { revokeInvitationsCreatedBy } from '../db/queries/invitations';
import { endOrNarrowMemberTokens, roleRank } from '../auth/api-tokens';

/** The organisations a person belongs to, by name. */
export function membershipsOf(db: Database, userId: string): Promise<Membership[]> {
	return listMemberships(db, userId);
}

/** The person's membership of the organisation, or null when they are not a member. */
export function membershipOf(
	db: Database,
	userId: string,
	orgId: string
): Promise<Membership | null> {
	return findMembership(db, userId, orgId);
}

/** The organisation's members, oldest first. */
export function membersOf(db: Database, orgId: string): Promise<Member[]> {
	return listMembers(db, orgId);
}

/** Whether the organisation exists. */
export async function organisationExists(db: Database, orgId: string): Promise<boolean> {
	return (await findOrganisation(db, orgId)) !== null;
}

export async function createOrganisation(
	db: Database,
	actor: Actor & { userId: string },
	input: { name: string; kind: OrgKind }
): Promise<string> {
	return audited(db, actor, (tx) => createOrganisationIn(tx, { ...input, ownerId: actor.userId }));
}

/** createOrganisation inside an audited transaction (a sign-up creates the person and the firm). */
export async function createOrganisationIn(
	tx: AuditedTx,
	input: { name: string; kind: OrgKind; ownerId: string }
): Promise<string> {
	const id = crypto.randomUUID();
	const name = input.name.trim();
	await insertOrganisation(tx, { id, name, kind: input.kind });
	await insertMembership(tx, { orgId: id, userId: input.ownerId, role: 'owner' });
	tx.record({
		action: 'organisation.created',
		orgId: id,
		entity: { type: 'organisation', id },
		after: { name, kind: input.kind, owner: input.ownerId }
	});
	return id;
}

export type MemberChangeResult = { ok: true } | { ok: false; reason: 'not_found' | 'last_owner' };

/** Role change by an owner; the last owner cannot stop being one. */
export async function changeMemberRole(
	db: Database,
	actor: Actor,
	input: { orgId: string; userId: string; role: Role }
): Promise<MemberChangeResult> {
	const { orgId, userId, role } = input;
	return audited(db, actor, async (tx): Promise<MemberChangeResult> => {
		const member = await findMembership(tx.db, userId, orgId);
		if (!member) return { ok: false, reason: 'not_found' };
		if (member.role === 'owner' && role !== 'owner' && (await countOwners(tx.db, orgId)) <= 1) {
			return { ok: false, reason: 'last_owner' };
		}
		await updateMemberRole(tx, orgId, userId, role);
		tx.record({
			action: 'member.role_changed',
			orgId,
			entity: { type: 'member', id: userId },
			before: { role: member.role },
			after: { role }
		});
		await endOrNarrowMemberTokens(tx, { orgId, userId, before: member.role, after: role });
		if (roleRank(role) < roleRank(member.role))
			await revokePendingInvitationsOf(tx, orgId, userId, 'member_demoted');
		return { ok: true };
	});
}

export async function removeMember(
	db: Database,
	actor: Actor,
	input: { orgId: string; userId: string }
): Promise<MemberChangeResult> {
	const { orgId, userId } = input;
	return audited(db, actor, async (tx): Promise<MemberChangeResult> => {
		const member = await findMembership(tx.db, userId, orgId);
		if (!member) return { ok: false, reason: 'not_found' };
		if (member.role === 'owner' && (await countOwners(tx.db, orgId)) <= 1) {
			return { ok: false, reason: 'last_owner' };
		}
		await deleteMembership(tx, orgId, userId);
		tx.record({
			action: 'member.removed',
			orgId,
			entity: { type: 'member', id: userId },
			before: {
				role: member.role,
				clientId: member.clientId,
				assessmentId: member.assessmentId,
				domains: member.domains
			}
		});
		await endOrNarrowMemberTokens(tx, { orgId, userId, before: member.role, after: null });
		await revokePendingInvitationsOf(tx, orgId, userId, 'member_removed');
		return { ok: true };
	});
}

/** Offboarding: the open invitations a member made stop working with their access, audited. */
async function revokePendingInvitationsOf(
	tx: AuditedTx,
	orgId: string,
	userId: string,
	reason: 'member_removed' | 'member_demoted'
): Promise<void> {
	for (const id of await revokeInvitationsCreatedBy(tx, orgId, userId))
		tx.record({
			action: 'invitation.revoked',
			orgId,
			entity: { type: 'invitation', id },
			after: { revoked: true, reason }
		});
}
