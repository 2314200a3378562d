import type { Database } from '../connection';
import type { AuditedTx } from '../audited';
import type { OrgKind } from '../schema';

export interface ApiTokenRecord {
	id: string;
	orgId: string;
	name: string;
	createdAt: Date;
	lastUsedAt: Date | null;
}

const columns = [
	'id',
	'org_id as orgId',
	'name',
	'created_at as createdAt',
	'last_used_at as lastUsedAt'
] as const;

export async function insertApiToken(
	tx: AuditedTx,
	token: { id: string; orgId: string; name: string; tokenHash: string; createdBy: string | null }
): Promise<void> {
	await tx.db
		.insertInto('api_tokens')
		.values({
			id: token.id,
			org_id: token.orgId,
			name: token.name,
			token_hash: token.tokenHash,
			created_by: token.createdBy
		})
		.execute();
}

/** A token that still works, with the organisation it acts for. */
export interface ActiveApiToken {
	id: string;
	orgId: string;
	orgName: string;
	orgKind: OrgKind;
	createdBy: string | null;
}

/** The token with this hash if it has not been revoked; the hash column is unique. */
export async function findActiveApiToken(
	db: Database,
	tokenHash: string
): Promise<ActiveApiToken | null> {
	const row = await db
		.selectFrom('api_tokens as t')
		.innerJoin('organisations as o', 'o.id', 't.org_id')
		.select([
			't.id',
			't.org_id as orgId',
			'o.name as orgName',
			'o.kind as orgKind',
			't.created_by as createdBy'
		])
		.where('t.token_hash', '=', tokenHash)
		.where('t.revoked_at', 'is', null)
		.executeTakeFirst();
	return row ?? null;
}

/** Bookkeeping (not audited): when the token was last used. */
export async function touchApiToken(db: Database, id: string, at: Date): Promise<void> {
	await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

/** The organisation's tokens that still work, newest first. */
export async function listApiTokens(
	db: Database,
	scope: { orgId: string }
): Promise<ApiTokenRecord[]> {
	return db
		.selectFrom('api_tokens')
		.select(columns)
		.where('org_id', '=', scope.orgId)
		.where('revoked_at', 'is', null)
		.orderBy('created_at', 'desc')
		.orderBy('id')
		.execute();
}

/** Returns false when the token is not the organisation's or already revoked. */
export async function revokeApiToken(
	tx: AuditedTx,
	scope: { orgId: string; id: string }
): Promise<boolean> {
	const result = await tx.db
		.updateTable('api_tokens')
		.set({ revoked_at: new Date() })
		.where('org_id', '=', scope.orgId)
		.where('id', '=', scope.id)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	return result.numUpdatedRows > 0n;
}
