import type { Database } from '../connection';
import type { AuditedTx } from '../audited';

export async function findRequireTwoFactor(db: Database, orgId: string): Promise<boolean> {
	const row = await db
		.selectFrom('organisations')
		.select('require_two_factor')
		.where('id', '=', orgId)
		.executeTakeFirst();
	return row?.require_two_factor ?? false;
}

export async function updateRequireTwoFactor(
	tx: AuditedTx,
	orgId: string,
	required: boolean
): Promise<void> {
	await tx.db
		.updateTable('organisations')
		.set({ require_two_factor: required })
		.where('id', '=', orgId)
		.execute();
}

/** The organisations of the person that require two-factor, by name. */
export async function listOrgsRequiringTwoFactor(db: Database, userId: string): Promise<string[]> {
	const rows = await db
		.selectFrom('memberships')
		.innerJoin('organisations', 'organisations.id', 'memberships.org_id')
		.select('organisations.name')
		.where('memberships.user_id', '=', userId)
		.where('organisations.require_two_factor', '=', true)
		.orderBy('organisations.name')
		.execute();
	return rows.map((r) => r.name);
}

/** Which of the organisation's members have a second factor. */
export async function listMembersTwoFactor(db: Database, orgId: string): Promise<Set<string>> {
	const rows = await db
		.selectFrom('memberships')
		.innerJoin('users', 'users.id', 'memberships.user_id')
		.select('users.id')
		.where('memberships.org_id', '=', orgId)
		.where('users.totp_key', 'is not', null)
		.execute();
	return new Set(rows.map((r) => r.id));
}
