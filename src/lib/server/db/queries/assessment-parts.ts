import type { Database } from '../connection';
import type { AuditedTx } from '../audited';

export interface SubmittedPart {
	domain: string;
	submittedBy: string | null;
	submitterName: string | null;
	submittedAt: Date;
}

export async function insertSubmittedParts(
	tx: AuditedTx,
	input: { assessmentId: string; domains: string[]; by: string | null }
): Promise<void> {
	if (input.domains.length === 0) return;
	await tx.db
		.insertInto('assessment_parts')
		.values(
			input.domains.map((domain) => ({
				assessment_id: input.assessmentId,
				domain,
				submitted_by: input.by
			}))
		)
		.onConflict((oc) =>
			oc.columns(['assessment_id', 'domain']).doUpdateSet((eb) => ({
				submitted_by: eb.ref('excluded.submitted_by'),
				submitted_at: new Date()
			}))
		)
		.execute();
}

export async function deleteSubmittedParts(tx: AuditedTx, assessmentId: string): Promise<void> {
	await tx.db.deleteFrom('assessment_parts').where('assessment_id', '=', assessmentId).execute();
}

export async function listSubmittedParts(
	db: Database,
	assessmentId: string
): Promise<SubmittedPart[]> {
	return db
		.selectFrom('assessment_parts as p')
		.leftJoin('users as u', 'u.id', 'p.submitted_by')
		.select([
			'p.domain',
			'p.submitted_by as submittedBy',
			'u.name as submitterName',
			'p.submitted_at as submittedAt'
		])
		.where('p.assessment_id', '=', assessmentId)
		.orderBy('p.domain')
		.execute();
}
