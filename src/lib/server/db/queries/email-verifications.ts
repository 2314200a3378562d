import type { Database } from '../connection';
import type { AuditedTx } from '../audited';

export interface EmailVerificationRecord {
	userId: string;
	email: string;
	codeHash: string;
	expiresAt: Date;
	wrongTries: number;
	createdAt: Date;
}

/** One pending code per person: a new one replaces the old. */
export async function upsertEmailVerification(
	tx: AuditedTx,
	input: { userId: string; email: string; codeHash: string; expiresAt: Date }
): Promise<void> {
	await tx.db.deleteFrom('email_verifications').where('user_id', '=', input.userId).execute();
	await tx.db
		.insertInto('email_verifications')
		.values({
			user_id: input.userId,
			email: input.email,
			code_hash: input.codeHash,
			expires_at: input.expiresAt
		})
		.execute();
}

export async function findEmailVerification(
	db: Database,
	userId: string
): Promise<EmailVerificationRecord | null> {
	const row = await db
		.selectFrom('email_verifications')
		.selectAll()
		.where('user_id', '=', userId)
		.executeTakeFirst();
	if (!row) return null;
	return {
		userId: row.user_id,
		email: row.email,
		codeHash: row.code_hash,
		expiresAt: new Date(row.expires_at),
		wrongTries: Number(row.wrong_tries),
		createdAt: new Date(row.created_at)
	};
}

export async function countWrongVerificationTry(tx: AuditedTx, userId: string): Promise<void> {
	await tx.db
		.updateTable('email_verifications')
		.set((eb) => ({ wrong_tries: eb('wrong_tries', '+', 1) }))
		.where('user_id', '=', userId)
		.execute();
}

export async function deleteEmailVerification(tx: AuditedTx, userId: string): Promise<void> {
	await tx.db.deleteFrom('email_verifications').where('user_id', '=', userId).execute();
}
