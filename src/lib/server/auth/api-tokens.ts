import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { Database } from '../db/connection';
import {
	findActiveApiToken,
	insertApiToken,
	touchApiToken,
	type ActiveApiToken
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
	input: { orgId: string; name: string; createdBy: string | null }
): Promise<{ id: string; token: string }> {
	const bytes = new Uint8Array(32);
	crypto.getRandomValues(bytes);
	const token = API_TOKEN_PREFIX + encodeBase32LowerCaseNoPadding(bytes);
	const id = crypto.randomUUID();
	await insertApiToken(db, {
		id,
		orgId: input.orgId,
		name: input.name.trim(),
		tokenHash: hashApiToken(token),
		createdBy: input.createdBy
	});
	return { id, token };
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
