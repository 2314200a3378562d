import type { Database } from '../db/connection';
import type { OrgKind, Role } from '../db/schema';
import {
	countOwners,
	deleteMembership,
	findMembership,
	insertMembership,
	insertOrganisation,
	updateMemberRole,
	type Membership
} from '../db/queries/organisations';

export async function createOrganisation(
	db: Database,
	input: { name: string; kind: OrgKind; ownerId: string }
): Promise<string> {
	const id = crypto.randomUUID();
	await insertOrganisation(db, { id, name: input.name.trim(), kind: input.kind });
	await insertMembership(db, { orgId: id, userId: input.ownerId, role: 'owner' });
	return id;
}

export type MemberChangeResult = { ok: true } | { ok: false; reason: 'not_found' | 'last_owner' };

/** Role change by an owner; the last owner cannot stop being one. */
export async function changeMemberRole(
	db: Database,
	orgId: string,
	userId: string,
	role: Role
): Promise<MemberChangeResult> {
	return db.transaction().execute(async (tx) => {
		const member = await findMembership(tx, userId, orgId);
		if (!member) return { ok: false, reason: 'not_found' };
		if (member.role === 'owner' && role !== 'owner' && (await countOwners(tx, orgId)) <= 1) {
			return { ok: false, reason: 'last_owner' };
		}
		await updateMemberRole(tx, orgId, userId, role);
		return { ok: true };
	});
}

export async function removeMember(
	db: Database,
	orgId: string,
	userId: string
): Promise<MemberChangeResult> {
	return db.transaction().execute(async (tx) => {
		const member: Membership | null = await findMembership(tx, userId, orgId);
		if (!member) return { ok: false, reason: 'not_found' };
		if (member.role === 'owner' && (await countOwners(tx, orgId)) <= 1) {
			return { ok: false, reason: 'last_owner' };
		}
		await deleteMembership(tx, orgId, userId);
		return { ok: true };
	});
}
