import { audited, type Actor, type AuditedTx } from '../db/audited';
import type { Database } from '../db/connection';
import { releaseBlobReferences } from '../db/queries/evidence-blobs';
import { deleteEvidenceFiles } from '../db/queries/evidence-files';

/**
 * Removes every evidence file of an assessment inside the caller's audited transaction (a purge):
 * one reference fewer to each blob, and the blobs no other file of the organisation uses deleted
 * with their chunks. Answers how many files and blobs went. Must run before the assessment row is
 * deleted (evidence_files.assessment_id does not cascade, so the counts cannot drift).
 */
export async function releaseEvidenceInTx(
	tx: AuditedTx,
	assessment: { id: string; orgId: string }
): Promise<{ files: number; blobs: number }> {
	const removed = await deleteEvidenceFiles(tx, { assessmentId: assessment.id });
	const blobs = await releaseBlobReferences(
		tx,
		removed.map((r) => r.blobId)
	);
	if (removed.length > 0)
		tx.record({
			action: 'evidence.released',
			orgId: assessment.orgId,
			entity: { type: 'assessment', id: assessment.id },
			assessmentId: assessment.id,
			after: { files: removed.length, blobs }
		});
	return { files: removed.length, blobs };
}

/** The same in a transaction of its own, for a purge that is not already in one. */
export function releaseEvidenceOfAssessment(
	db: Database,
	actor: Actor,
	assessment: { id: string; orgId: string }
): Promise<{ files: number; blobs: number }> {
	return audited(db, actor, (tx) => releaseEvidenceInTx(tx, assessment));
}
