import type { Database } from '../connection';
import type { AuditedTx } from '../audited';
import type { FinaliseOverride, OpenItems } from '../../../domain/finalise-guard';

export async function insertFinaliseOverride(
	tx: AuditedTx,
	o: { assessmentId: string; owner: string; reason: string; open: OpenItems; by: string | null }
): Promise<void> {
	await tx.db
		.insertInto('finalise_overrides')
		.values({
			assessment_id: o.assessmentId,
			owner: o.owner,
			reason: o.reason,
			open_items: JSON.stringify(o.open),
			finalised_by: o.by
		})
		.onConflict((oc) =>
			oc.column('assessment_id').doUpdateSet({
				owner: o.owner,
				reason: o.reason,
				open_items: JSON.stringify(o.open),
				finalised_by: o.by,
				finalised_at: new Date()
			})
		)
		.execute();
}

export async function deleteFinaliseOverride(tx: AuditedTx, assessmentId: string): Promise<void> {
	await tx.db.deleteFrom('finalise_overrides').where('assessment_id', '=', assessmentId).execute();
}

export async function findFinaliseOverride(
	db: Database,
	assessmentId: string
): Promise<FinaliseOverride | null> {
	const row = await db
		.selectFrom('finalise_overrides')
		.select(['owner', 'reason', 'open_items as open'])
		.where('assessment_id', '=', assessmentId)
		.executeTakeFirst();
	if (!row) return null;
	const open = (typeof row.open === 'string' ? JSON.parse(row.open) : row.open) as OpenItems;
	return {
		owner: row.owner,
		reason: row.reason,
		open: {
			unanswered: open.unanswered.length,
			unreviewed: open.unreviewed.length,
			changesRequested: open.changesRequested.length
		}
	};
}
