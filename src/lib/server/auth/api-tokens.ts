import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { Database } from '../db/connection';
import { audited, type Actor, type AuditedTx } from '../db/audited';
import type { ApiTokenScope, Role } from '../db/schema';
import { findMembership } from '../db/queries/organisations';
import { findUserById } from '../db/queries/users';
import { requiresTwoFactor } from './org-policy';
import {
	findActiveApiToken,
	insertApiToken,
	listApiTokens,
	revokeApiToken as markApiTokenRevoked,
	revokeMemberApiTokens,
	revokeUserApiTokens,
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
	| { ok: false; reason: 'not_a_member' | 'respondent' | 'two_factor_required' };

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
		// A token the API would refuse at once (see authenticateApiToken) is not made at all: the
		// person learns now, not from a 403 in a nightly job, that they must set two-factor up.
		if (await twoFactorOwed(tx.db, input.orgId, input.userId))
			return { ok: false, reason: 'two_factor_required' };
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

/**
 * Inside a change of the person's password (changed, or reset through a link): every token they
 * hold, in every organisation, is revoked, one audit row each. Whoever took the old password may
 * have made a token with it; a token must not outlive the credential that made it. Answers how many.
 */
export async function revokeTokensOfUser(
	tx: AuditedTx,
	input: { userId: string; reason: 'password_changed' | 'password_reset' }
): Promise<number> {
	const revoked = await revokeUserApiTokens(tx, input.userId);
	for (const token of revoked)
		tx.record({
			action: 'api_token.revoked',
			orgId: token.orgId,
			entity: { type: 'api_token', id: token.id },
			after: { revoked: true, reason: input.reason }
		});
	return revoked.length;
}

/** Roles by reach: a move down is a demotion. A respondent reaches least (part of the organisation). */
export const roleRank = (role: Role): number =>
	({ respondent: 0, viewer: 1, consultant: 2, owner: 3 })[role];

/** The organisation's tokens that still work, newest first. */
export function apiTokensOf(db: Database, orgId: string): Promise<ApiTokenRecord[]> {
	return listApiTokens(db, { orgId });
}

/** Whether the organisation requires two-factor and the person has none. */
async function twoFactorOwed(db: Database, orgId: string, userId: string): Promise<boolean> {
	if (!(await requiresTwoFactor(db, orgId))) return false;
	return !(await findUserById(db, userId))?.twoFactor;
}

/** A working token and what it may do now. */
export type AuthenticatedApiToken = ActiveApiToken & { role: Role };

/**
 * The token's record when it is well-formed, known, not revoked or expired, and its member still
 * belongs to the organisation (with a role that may use the API); its use is recorded. The lookup
 * is by SHA-256, so the comparison never runs over the secret itself. When the organisation
 * requires two-factor and the member has none, `twoFactorOwed` is set: the caller refuses it (a
 * token is no way around the policy a browser session meets on every page).
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
	// A refused use is not a use: last_used_at stays as it was.
	if (!record.twoFactorOwed) await touchApiToken(db, record.id, now);
	return { ...record, role };
}
