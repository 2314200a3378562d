import type { ActionStatus } from '../../../domain/action-status';
import type { AuditedTx } from '../audited';
import type { Database } from '../connection';

/** The action status of each item of an assessment that has one (the others are open). */
export async function listGapActions(
	db: Database,
	assessmentId: string
): Promise<Record<string, ActionStatus>> {
	const rows = await db
		.selectFrom('gap_actions')
		.select(['item_id', 'status'])
		.where('assessment_id', '=', assessmentId)
		.execute();
	return Object.fromEntries(rows.map((r) => [r.item_id, r.status]));
}

/** Sets the status of the items' actions; answers each item's status before. */
export async function setGapActions(
	tx: AuditedTx,
	input: { assessmentId: string; itemIds: readonly string[]; status: ActionStatus }
): Promise<Record<string, ActionStatus>> {
	const before = await listGapActions(tx.db, input.assessmentId);
	await tx.db
		.insertInto('gap_actions')
		.values(
			input.itemIds.map((item_id) => ({
				assessment_id: input.assessmentId,
				item_id,
				status: input.status
			}))
		)
		.onConflict((oc) =>
			oc
				.columns(['assessment_id', 'item_id'])
				.doUpdateSet({ status: input.status, updated_at: new Date() })
		)
		.execute();
	return Object.fromEntries(input.itemIds.map((id) => [id, before[id] ?? 'open']));
}
