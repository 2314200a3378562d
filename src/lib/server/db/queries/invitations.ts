import type { Database } from '../connection';
import type { AuditedTx } from '../audited';
import type { Role } from '../schema';
import type { RespondentScope } from './organisations';

export interface Invitation {
	id: string;
	orgId: string;
	orgName: string;
	role: Role;
	email: string | null;
	language: 'zh' | 'en';
	createdBy: string;
	createdByName: string | null;
	acceptedBy: string | null;
	acceptedByName: string | null;
	acceptedByEmail: string | null;
	expiresAt: Date;
	acceptedAt: Date | null;
	revokedAt: Date | null;
	createdAt: Date;
	clientId: string | null;
	clientName: string | null;
	assessmentId: string | null;
	domains: string[] | null;
}

const invitationColumns = [
	'i.id as id',
	'i.org_id as orgId',
	'o.name as orgName',
	'i.role as role',
	'i.email as email',
	'i.language as language',
	'i.created_by as createdBy',
	'maker.name as createdByName',
	'i.accepted_by as acceptedBy',
	'joiner.name as acceptedByName',
	'joiner.email as acceptedByEmail',
	'i.expires_at as expiresAt',
	'i.accepted_at as acceptedAt',
	'i.revoked_at as revokedAt',
	'i.created_at as createdAt',
	'i.client_id as clientId',
	'c.name as clientName',
	'i.assessment_id as assessmentId',
	'i.domains as domains'
] as const;

/** Invitations with their organisation, client, and who made and accepted each. */
function selectInvitations(db: Database) {
	return db
		.selectFrom('invitations as i')
		.innerJoin('organisations as o', 'o.id', 'i.org_id')
		.leftJoin('clients as c', 'c.id', 'i.client_id')
		.leftJoin('users as maker', 'maker.id', 'i.created_by')
		.leftJoin('users as joiner', 'joiner.id', 'i.accepted_by')
		.select(invitationColumns);
}

function toInvitation(row: Omit<Invitation, 'domains'> & { domains: unknown }): Invitation {
	const domains = typeof row.domains === 'string' ? JSON.parse(row.domains) : row.domains;
	return { ...row, domains: Array.isArray(domains) ? domains.map(String) : null };
}

export async function insertInvitation(
	tx: AuditedTx,
	inv: {
		id: string;
		orgId: string;
		tokenHash: string;
		role: Role;
		email: string;
		language: 'zh' | 'en';
		createdBy: string;
		expiresAt: Date;
		scope: RespondentScope | null;
	}
): Promise<void> {
	await tx.db
		.insertInto('invitations')
		.values({
			id: inv.id,
			org_id: inv.orgId,
			token_hash: inv.tokenHash,
			role: inv.role,
			email: inv.email,
			language: inv.language,
			created_by: inv.createdBy,
			expires_at: inv.expiresAt,
			client_id: inv.scope?.clientId ?? null,
			assessment_id: inv.scope?.assessmentId ?? null,
			domains: inv.scope?.domains ? JSON.stringify(inv.scope.domains) : null
		})
		.execute();
}

export async function findInvitationByTokenHash(
	db: Database,
	tokenHash: string
): Promise<Invitation | null> {
	const row = await selectInvitations(db).where('i.token_hash', '=', tokenHash).executeTakeFirst();
	return row ? toInvitation(row) : null;
}

export async function listOpenInvitations(
	db: Database,
	orgId: string,
	clientId?: string
): Promise<Invitation[]> {
	let query = selectInvitations(db)
		.where('i.org_id', '=', orgId)
		.where('i.accepted_at', 'is', null)
		.where('i.revoked_at', 'is', null)
		.where('i.expires_at', '>', new Date());
	if (clientId) query = query.where('i.client_id', '=', clientId);
	const rows = await query.orderBy('i.created_at', 'desc').execute();
	return rows.map(toInvitation);
}

/** Marks the invitation used; answers false when someone else used it first. */
export async function markInvitationAccepted(
	tx: AuditedTx,
	id: string,
	userId: string
): Promise<boolean> {
	const result = await tx.db
		.updateTable('invitations')
		.set({ accepted_at: new Date(), accepted_by: userId })
		.where('id', '=', id)
		.where('accepted_at', 'is', null)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function revokeInvitation(tx: AuditedTx, orgId: string, id: string): Promise<number> {
	const result = await tx.db
		.updateTable('invitations')
		.set({ revoked_at: new Date() })
		.where('id', '=', id)
		.where('org_id', '=', orgId)
		.where('accepted_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}

/** Revokes the open invitations a member made in the organisation; answers their ids. */
export async function revokeInvitationsCreatedBy(
	tx: AuditedTx,
	orgId: string,
	createdBy: string
): Promise<string[]> {
	const rows = await tx.db
		.updateTable('invitations')
		.set({ revoked_at: new Date() })
		.where('org_id', '=', orgId)
		.where('created_by', '=', createdBy)
		.where('accepted_at', 'is', null)
		.where('revoked_at', 'is', null)
		.returning('id')
		.execute();
	return rows.map((r) => r.id);
}

/** Invitations of the organisation accepted in the last `days`, newest first: who joined, when. */
export async function listAcceptedInvitations(
	db: Database,
	orgId: string,
	since: Date
): Promise<Invitation[]> {
	const rows = await selectInvitations(db)
		.where('i.org_id', '=', orgId)
		.where('i.accepted_at', '>', since)
		.orderBy('i.accepted_at', 'desc')
		.execute();
	return rows.map(toInvitation);
}

export async function findInvitationById(
	db: Database,
	orgId: string,
	id: string
): Promise<Invitation | null> {
	const row = await selectInvitations(db)
		.where('i.org_id', '=', orgId)
		.where('i.id', '=', id)
		.executeTakeFirst();
	return row ? toInvitation(row) : null;
}

/**
 * A new link for an invitation not yet accepted or revoked (the old link stops working) and a new
 * expiry; answers false when there is none such.
 */
export async function renewInvitationLink(
	tx: AuditedTx,
	scope: { orgId: string; id: string },
	link: { tokenHash: string; expiresAt: Date }
): Promise<boolean> {
	const result = await tx.db
		.updateTable('invitations')
		.set({ token_hash: link.tokenHash, expires_at: link.expiresAt })
		.where('org_id', '=', scope.orgId)
		.where('id', '=', scope.id)
		.where('accepted_at', 'is', null)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}
