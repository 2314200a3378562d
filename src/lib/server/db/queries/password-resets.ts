import type { Database } from '../connection';
import type { AuditedTx } from '../audited';

export async function insertPasswordReset(
	tx: AuditedTx,
	input: { id: string; userId: string; tokenHash: string; expiresAt: Date }
): Promise<void> {
	await tx.db
		.insertInto('password_resets')
		.values({
			id: input.id,
			user_id: input.userId,
			token_hash: input.tokenHash,
			expires_at: input.expiresAt
		})
		.execute();
}

/** An unused, unexpired reset by its token's hash. */
export async function findUsablePasswordReset(
	db: Database,
	tokenHash: string,
	now: Date
): Promise<{ id: string; userId: string } | null> {
	const row = await db
		.selectFrom('password_resets')
		.select(['id', 'user_id'])
		.where('token_hash', '=', tokenHash)
		.where('used_at', 'is', null)
		.where('expires_at', '>', now)
		.executeTakeFirst();
	return row ? { id: row.id, userId: row.user_id } : null;
}

/** Marks the reset used, if it still was not: true for the one request that uses it. */
export async function usePasswordReset(tx: AuditedTx, id: string, at: Date): Promise<boolean> {
	const result = await tx.db
		.updateTable('password_resets')
		.set({ used_at: at })
		.where('id', '=', id)
		.where('used_at', 'is', null)
		.where('expires_at', '>', at)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Voids the person's other reset links (a reset done, a password changed). */
export async function voidPasswordResets(tx: AuditedTx, userId: string, at: Date): Promise<void> {
	await tx.db
		.updateTable('password_resets')
		.set({ used_at: at })
		.where('user_id', '=', userId)
		.where('used_at', 'is', null)
		.execute();
}
