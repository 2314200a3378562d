import type { Database } from '../connection';
import type { Role } from '../schema';

export interface Invitation {
	id: string;
	orgId: string;
	orgName: string;
	role: Role;
	email: string | null;
	expiresAt: Date;
	acceptedAt: Date | null;
	revokedAt: Date | null;
	createdAt: Date;
}

const invitationColumns = [
	'i.id as id',
	'i.org_id as orgId',
	'o.name as orgName',
	'i.role as role',
	'i.email as email',
	'i.expires_at as expiresAt',
	'i.accepted_at as acceptedAt',
	'i.revoked_at as revokedAt',
	'i.created_at as createdAt'
] as const;

export async function insertInvitation(
	db: Database,
	inv: {
		id: string;
		orgId: string;
		tokenHash: string;
		role: Role;
		email: string | null;
		createdBy: string;
		expiresAt: Date;
	}
): Promise<void> {
	await db
		.insertInto('invitations')
		.values({
			id: inv.id,
			org_id: inv.orgId,
			token_hash: inv.tokenHash,
			role: inv.role,
			email: inv.email,
			created_by: inv.createdBy,
			expires_at: inv.expiresAt
		})
		.execute();
}

export async function findInvitationByTokenHash(
	db: Database,
	tokenHash: string
): Promise<Invitation | null> {
	const row = await db
		.selectFrom('invitations as i')
		.innerJoin('organisations as o', 'o.id', 'i.org_id')
		.select(invitationColumns)
		.where('i.token_hash', '=', tokenHash)
		.executeTakeFirst();
	return row ?? null;
}

export async function listOpenInvitations(db: Database, orgId: string): Promise<Invitation[]> {
	return db
		.selectFrom('invitations as i')
		.innerJoin('organisations as o', 'o.id', 'i.org_id')
		.select(invitationColumns)
		.where('i.org_id', '=', orgId)
		.where('i.accepted_at', 'is', null)
		.where('i.revoked_at', 'is', null)
		.where('i.expires_at', '>', new Date())
		.orderBy('i.created_at', 'desc')
		.execute();
}

/** Marks the invitation used; answers false when someone else used it first. */
export async function markInvitationAccepted(
	db: Database,
	id: string,
	userId: string
): Promise<boolean> {
	const result = await db
		.updateTable('invitations')
		.set({ accepted_at: new Date(), accepted_by: userId })
		.where('id', '=', id)
		.where('accepted_at', 'is', null)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function revokeInvitation(db: Database, orgId: string, id: string): Promise<number> {
	const result = await db
		.updateTable('invitations')
		.set({ revoked_at: new Date() })
		.where('id', '=', id)
		.where('org_id', '=', orgId)
		.where('accepted_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}
