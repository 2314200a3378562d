import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { Database } from '../db/connection';
import { audited, type Actor } from '../db/audited';
import {
	findActiveApiToken,
	insertApiToken,
	listApiTokens,
	revokeApiToken as markApiTokenRevoked,
	touchApiToken,
	type ActiveApiToken,
	type ApiTokenRecord
} from '../db/queries/api-tokens';

/** Recognisable in logs, configs and secret scanners. */
export const API_TOKEN_PREFIX = 'sr_';
const TOKEN_SHAPE = /^sr_[a-z2-7]{52}$/;

export function hashApiToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** A new token for the organisation: 256 random bits. The token is returned once; only its hash is kept. */
export async function createApiToken(
	db: Database,
	actor: Actor,
	input: { orgId: string; name: string }
): Promise<{ id: string; token: string }> {
	const bytes = new Uint8Array(32);
	crypto.getRandomValues(bytes);
	const token = API_TOKEN_PREFIX + encodeBase32LowerCaseNoPadding(bytes);
	const id = crypto.randomUUID();
	const name = input.name.trim();
	await audited(db, actor, async (tx) => {
		await insertApiToken(tx, {
			id,
			orgId: input.orgId,
			name,
			tokenHash: hashApiToken(token),
			// The token acts for whoever made it (null: the admin CLI).
			createdBy: actor.userId
		});
		tx.record({
			action: 'api_token.created',
			orgId: input.orgId,
			entity: { type: 'api_token', id },
			after: { name }
		});
	});
	return { id, token };
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

/** The organisation's tokens that still work, newest first. */
export function apiTokensOf(db: Database, orgId: string): Promise<ApiTokenRecord[]> {
	return listApiTokens(db, { orgId });
}

/**
 * The token's record when it is well-formed, known and not revoked; its use is recorded. The lookup
 * is by SHA-256, so the comparison never runs over the secret itself.
 */
export async function authenticateApiToken(
	db: Database,
	token: string
): Promise<ActiveApiToken | null> {
	if (!TOKEN_SHAPE.test(token)) return null;
	const record = await findActiveApiToken(db, hashApiToken(token));
	if (!record) return null;
	await touchApiToken(db, record.id, new Date());
	return record;
}
