import type { Database } from '../connection';
import type { AuditedTx } from '../audited';

export async function replaceRecoveryCodes(
	tx: AuditedTx,
	userId: string,
	codeHashes: string[]
): Promise<void> {
	await tx.db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
	if (codeHashes.length === 0) return;
	await tx.db
		.insertInto('recovery_codes')
		.values(codeHashes.map((h) => ({ id: crypto.randomUUID(), user_id: userId, code_hash: h })))
		.execute();
}

/** Uses the code if it is the person's and unused: true for the one request that uses it. */
export async function useRecoveryCode(
	tx: AuditedTx,
	userId: string,
	codeHash: string,
	at: Date
): Promise<boolean> {
	const result = await tx.db
		.updateTable('recovery_codes')
		.set({ used_at: at })
		.where('user_id', '=', userId)
		.where('code_hash', '=', codeHash)
		.where('used_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function countUnusedRecoveryCodes(db: Database, userId: string): Promise<number> {
	const row = await db
		.selectFrom('recovery_codes')
		.select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
		.where('user_id', '=', userId)
		.where('used_at', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
