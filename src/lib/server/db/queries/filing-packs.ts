import { normalisePackInput, type PackEdit, type PackInput } from '../../../domain/pack-input';
import type { AuditedTx } from '../audited';
import type { Database } from '../connection';

export interface FilingPackRecord {
	input: PackInput;
	edits: Record<string, PackEdit>;
	/** 0 before the first save. */
	version: number;
}

const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as unknown;

/** The pack form and edits of an assessment; an empty form when it has none yet. */
export async function findFilingPack(
	db: Database,
	assessmentId: string,
	options: { forUpdate?: boolean } = {}
): Promise<FilingPackRecord> {
	let query = db
		.selectFrom('filing_packs')
		.select(['input', 'edits', 'version'])
		.where('assessment_id', '=', assessmentId);
	if (options.forUpdate) query = query.forUpdate();
	const row = await query.executeTakeFirst();
	return {
		input: normalisePackInput(row ? parse(row.input) : {}),
		edits: (row ? parse(row.edits) : {}) as Record<string, PackEdit>,
		version: row ? Number(row.version) : 0
	};
}

/**
 * The pack as it stands, its row locked for the rest of the transaction (made empty first if the
 * assessment has none): two saves on one version then see each other, one of them a conflict.
 */
export async function lockFilingPack(
	tx: AuditedTx,
	assessmentId: string
): Promise<FilingPackRecord> {
	await tx.db
		.insertInto('filing_packs')
		.values({ assessment_id: assessmentId, input: '{}', edits: '{}', version: 0 })
		.onConflict((oc) => oc.column('assessment_id').doNothing())
		.execute();
	return findFilingPack(tx.db, assessmentId, { forUpdate: true });
}

/**
 * Writes the pack form and edits (the row made on first save) and raises its version; answers what
 * was there before.
 */
export async function writeFilingPack(
	tx: AuditedTx,
	input: { assessmentId: string; pack: Omit<FilingPackRecord, 'version'>; userId: string | null }
): Promise<FilingPackRecord> {
	const before = await findFilingPack(tx.db, input.assessmentId, { forUpdate: true });
	const values = {
		input: JSON.stringify(input.pack.input),
		edits: JSON.stringify(input.pack.edits),
		version: before.version + 1,
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
