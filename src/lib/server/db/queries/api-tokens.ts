import type { Database } from '../connection';
import type { AuditedTx } from '../audited';
import type { ApiTokenScope, OrgKind, Role } from '../schema';

export interface ApiTokenRecord {
	id: string;
	orgId: string;
	name: string;
	scope: ApiTokenScope;
	/** The member it acts for (null: they are gone; the token no longer works). */
	userId: string | null;
	userName: string | null;
	/** Who made it (null: the admin CLI). */
	createdBy: string | null;
	createdByName: string | null;
	createdAt: Date;
	expiresAt: Date;
	lastUsedAt: Date | null;
}

const columns = [
	't.id as id',
	't.org_id as orgId',
	't.name as name',
	't.scope as scope',
	't.user_id as userId',
	'holder.name as userName',
	't.created_by as createdBy',
	'maker.name as createdByName',
	't.created_at as createdAt',
	't.expires_at as expiresAt',
	't.last_used_at as lastUsedAt'
] as const;

export async function insertApiToken(
	tx: AuditedTx,
	token: {
		id: string;
		orgId: string;
		name: string;
		tokenHash: string;
		createdBy: string | null;
		userId: string;
		scope: ApiTokenScope;
		expiresAt: Date;
	}
): Promise<void> {
	await tx.db
		.insertInto('api_tokens')
		.values({
			id: token.id,
			org_id: token.orgId,
			name: token.name,
			token_hash: token.tokenHash,
			created_by: token.createdBy,
			user_id: token.userId,
			scope: token.scope,
			expires_at: token.expiresAt
		})
		.execute();
}

/** A token that works now, with the membership it acts through. */
export interface ActiveApiToken {
	id: string;
	orgId: string;
	orgName: string;
	orgKind: OrgKind;
	userId: string;
	/** The member's role today (the membership is read on every request). */
	memberRole: Role;
	scope: ApiTokenScope;
	/** The organisation requires two-factor, and the member has none: the token is refused. */
	twoFactorOwed: boolean;
}

/**
 * The token with this hash if it is not revoked, not expired, and its member still belongs to the
 * organisation: the membership is joined on every request, so removal ends the token at once.
 */
export async function findActiveApiToken(
	db: Database,
	tokenHash: string,
	now: Date
): Promise<ActiveApiToken | null> {
	const row = await db
		.selectFrom('api_tokens as t')
		.innerJoin('organisations as o', 'o.id', 't.org_id')
		.innerJoin('memberships as m', (join) =>
			join.onRef('m.org_id', '=', 't.org_id').onRef('m.user_id', '=', 't.user_id')
		)
		.innerJoin('users as u', 'u.id', 'm.user_id')
		.select((eb) => [
			't.id',
			't.org_id as orgId',
			'o.name as orgName',
			'o.kind as orgKind',
			'm.user_id as userId',
			'm.role as memberRole',
			't.scope as scope',
			eb
				.and([eb('o.require_two_factor', '=', true), eb('u.totp_key', 'is', null)])
				.as('twoFactorOwed')
		])
		.where('t.token_hash', '=', tokenHash)
		.where('t.revoked_at', 'is', null)
		.where('t.expires_at', '>', now)
		.executeTakeFirst();
	return row ? { ...row, twoFactorOwed: Boolean(row.twoFactorOwed) } : null;
}

/** Bookkeeping (not audited): when the token was last used. */
export async function touchApiToken(db: Database, id: string, at: Date): Promise<void> {
	await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

/** The organisation's tokens that still work (of one member, when given), newest first. */
export async function listApiTokens(
	db: Database,
	scope: { orgId: string; userId?: string },
	now: Date = new Date()
): Promise<ApiTokenRecord[]> {
	let query = db
		.selectFrom('api_tokens as t')
		.leftJoin('users as holder', 'holder.id', 't.user_id')
		.leftJoin('users as maker', 'maker.id', 't.created_by')
		.select(columns)
		.where('t.org_id', '=', scope.orgId)
		.where('t.revoked_at', 'is', null)
		.where('t.expires_at', '>', now);
	if (scope.userId) query = query.where('t.user_id', '=', scope.userId);
	return query.orderBy('t.created_at', 'desc').orderBy('t.id').execute();
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

/** Revokes every working token of the member in the organisation; answers their ids. */
export async function revokeMemberApiTokens(
	tx: AuditedTx,
	scope: { orgId: string; userId: string }
): Promise<string[]> {
	const rows = await tx.db
		.updateTable('api_tokens')
		.set({ revoked_at: new Date() })
		.where('org_id', '=', scope.orgId)
		.where('user_id', '=', scope.userId)
		.where('revoked_at', 'is', null)
		.returning('id')
		.execute();
	return rows.map((r) => r.id);
}

/** Revokes every working token the person holds, in every organisation; answers them. */
export async function revokeUserApiTokens(
	tx: AuditedTx,
	userId: string
): Promise<{ id: string; orgId: string }[]> {
	return tx.db
		.updateTable('api_tokens')
		.set({ revoked_at: new Date() })
		.where('user_id', '=', userId)
		.where('revoked_at', 'is', null)
		.where('expires_at', '>', new Date())
		.returning(['id', 'org_id as orgId'])
		.execute();
}
