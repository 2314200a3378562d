import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { Database } from '../db/connection';
import { audited, type Actor, type AuditedTx } from '../db/audited';
import type { ApiTokenScope, Role } from '../db/schema';
import { findMembership } from '../db/queries/organisations';
import {
	findActiveApiToken,
	insertApiToken,
	listApiTokens,
	revokeApiToken as markApiTokenRevoked,
	revokeMemberApiTokens,
	touchApiToken,
	type ActiveApiToken,
	type ApiTokenRecord
} from '../db/queries/api-tokens';

/** Recognisable in logs, configs and secret scanners. */
export const API_TOKEN_PREFIX = 'sr_';
const TOKEN_SHAPE = /^sr_[a-z2-7]{52}$/;
const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_TOKEN_LIFETIME_DAYS = 90;
/** The lifetimes offered; the default is 90 days. */
export const TOKEN_LIFETIME_DAYS = [7, 30, 90, 180, 365] as const;

export function hashApiToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/**
 * What a token may do: its member's role today, capped by its scope (read_write: at most what a
 * consultant does; read_only: what a viewer does). Null: nothing (a respondent's reach is part of
 * the organisation, which the API does not model; such tokens are never made and are revoked).
 */
export function effectiveRole(memberRole: Role, scope: ApiTokenScope): Role | null {
	if (memberRole === 'respondent') return null;
	if (scope === 'read_only') return 'viewer';
	if (scope === 'read_write' && memberRole === 'owner') return 'consultant';
	return memberRole;
}

export type CreateApiTokenResult =
	| { ok: true; id: string; token: string; expiresAt: Date }
	| { ok: false; reason: 'not_a_member' | 'respondent' };

/**
 * A new token acting for a member of the organisation: 256 random bits, returned once; only its
 * hash is kept. `actor` made it (a person, or the admin CLI with a null user); `userId` is whom it
 * acts for, and it works only while they are a member.
 */
export async function createApiToken(
	db: Database,
	actor: Actor,
	input: {
		orgId: string;
		name: string;
		userId: string;
		scope?: ApiTokenScope;
		lifetimeDays?: number;
	}
): Promise<CreateApiTokenResult> {
	const bytes = new Uint8Array(32);
	crypto.getRandomValues(bytes);
	const token = API_TOKEN_PREFIX + encodeBase32LowerCaseNoPadding(bytes);
	const id = crypto.randomUUID();
	const name = input.name.trim();
	const scope = input.scope ?? 'role';
	const expiresAt = new Date(
		Date.now() + (input.lifetimeDays ?? DEFAULT_TOKEN_LIFETIME_DAYS) * DAY_MS
	);
	return audited(db, actor, async (tx): Promise<CreateApiTokenResult> => {
		const member = await findMembership(tx.db, input.userId, input.orgId);
		if (!member) return { ok: false, reason: 'not_a_member' };
		if (member.role === 'respondent') return { ok: false, reason: 'respondent' };
		await insertApiToken(tx, {
			id,
			orgId: input.orgId,
			name,
			tokenHash: hashApiToken(token),
			createdBy: actor.userId,
			userId: input.userId,
			scope,
			expiresAt
		});
		tx.record({
			action: 'api_token.created',
			orgId: input.orgId,
			entity: { type: 'api_token', id },
			after: { name, member: input.userId, scope, expiresAt }
		});
		return { ok: true, id, token, expiresAt };
	});
}

/** Revokes the organisation's token; false when it is not the organisation's or already revoked. */
export async function revokeApiToken(
	db: Database,
	actor: Actor,
	input: { orgId: string; id: string }
): Promise<boolean> {
	return audited(db, actor, async (tx) => {
		if (!(await markApiTokenRevoked(tx, input))) return false;
		tx.record({
			action: 'api_token.revoked',
			orgId: input.orgId,
			entity: { type: 'api_token', id: input.id },
			after: { revoked: true }
		});
		return true;
	});
}

/**
 * Inside a member's removal or role change: their tokens in the organisation are revoked (removed,
 * or now a respondent) or narrowed to the new role (which they follow by construction: the role is
 * read on every request), one audit row per token.
 */
export async function endOrNarrowMemberTokens(
	tx: AuditedTx,
	input: { orgId: string; userId: string; before: Role; after: Role | null }
): Promise<void> {
	const { orgId, userId } = input;
	if (input.after === null || input.after === 'respondent') {
		for (const id of await revokeMemberApiTokens(tx, { orgId, userId }))
			tx.record({
				action: 'api_token.revoked',
				orgId,
				entity: { type: 'api_token', id },
				after: {
					revoked: true,
					reason: input.after === null ? 'member_removed' : 'member_role_changed'
				}
			});
		return;
	}
	for (const token of await listApiTokens(tx.db, { orgId, userId })) {
		const before = effectiveRole(input.before, token.scope);
		const after = effectiveRole(input.after, token.scope);
		if (before !== after)
			tx.record({
				action:
					after && before && roleRank(after) < roleRank(before)
						? 'api_token.narrowed'
						: 'api_token.widened',
				orgId,
				entity: { type: 'api_token', id: token.id },
				before: { role: before },
				after: { role: after }
			});
	}
}

/** Roles by reach: a move down is a demotion. A respondent reaches least (part of the organisation). */
export const roleRank = (role: Role): number =>
	({ respondent: 0, viewer: 1, consultant: 2, owner: 3 })[role];

/** The organisation's tokens that still work, newest first. */
export function apiTokensOf(db: Database, orgId: string): Promise<ApiTokenRecord[]> {
	return listApiTokens(db, { orgId });
}

/** A working token and what it may do now. */
export type AuthenticatedApiToken = ActiveApiToken & { role: Role };

/**
 * The token's record when it is well-formed, known, not revoked or expired, and its member still
 * belongs to the organisation (with a role that may use the API); its use is recorded. The lookup
 * is by SHA-256, so the comparison never runs over the secret itself.
 */
export async function authenticateApiToken(
	db: Database,
	token: string
): Promise<AuthenticatedApiToken | null> {
	if (!TOKEN_SHAPE.test(token)) return null;
	const now = new Date();
	const record = await findActiveApiToken(db, hashApiToken(token), now);
	if (!record) return null;
	const role = effectiveRole(record.memberRole, record.scope);
	if (!role) return null;
	await touchApiToken(db, record.id, now);
	return { ...record, role };
}
