import { normalisePackInput, type PackEdit, type PackInput } from '../../../domain/pack-input';
import type { AuditedTx } from '../audited';
import type { Database } from '../connection';

export interface FilingPackRecord {
	input: PackInput;
	edits: Record<string, PackEdit>;
}

const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as unknown;

/** The pack form and edits of an assessment; an empty form when it has none yet. */
export async function findFilingPack(
	db: Database,
	assessmentId: string
): Promise<FilingPackRecord> {
	const row = await db
		.selectFrom('filing_packs')
		.select(['input', 'edits'])
		.where('assessment_id', '=', assessmentId)
		.executeTakeFirst();
	return {
		input: normalisePackInput(row ? parse(row.input) : {}),
		edits: (row ? parse(row.edits) : {}) as Record<string, PackEdit>
	};
}

/** Writes the pack form and edits (the row made on first save); answers what was there before. */
export async function writeFilingPack(
	tx: AuditedTx,
	input: { assessmentId: string; pack: FilingPackRecord; userId: string | null }
): Promise<FilingPackRecord> {
	const before = await findFilingPack(tx.db, input.assessmentId);
	const values = {
		input: JSON.stringify(input.pack.input),
		edits: JSON.stringify(input.pack.edits),
		updated_by: input.userId,
		updated_at: new Date()
	};
	await tx.db
		.insertInto('filing_packs')
		.values({ assessment_id: input.assessmentId, ...values })
		.onConflict((oc) => oc.column('assessment_id').doUpdateSet(values))
		.execute();
	return before;
}
