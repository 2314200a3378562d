import { latestVersions } from '../../domain/evidence';
import type { AuditedTx } from '../db/audited';
import { addBlobReferences } from '../db/queries/evidence-blobs';
import { insertEvidenceFile, listEvidenceFiles } from '../db/queries/evidence-files';

/**
 * "Start from previous": the latest version of each evidence file on the items still asked is
 * carried to the new assessment (the same stored bytes, one reference more), to be reviewed again;
 * a file expired by `today` is marked for re-confirmation. Answers how many files were carried.
 */
export async function carryEvidenceFiles(
	tx: AuditedTx,
	input: {
		orgId: string;
		fromAssessmentId: string;
		toAssessmentId: string;
		itemIds: ReadonlySet<string>;
		today: string;
	}
): Promise<number> {
	const all = await listEvidenceFiles(tx.db, { assessmentId: input.fromAssessmentId });
	const latest = new Set(latestVersions(all).map((f) => f.id));
	const files = all.filter((f) => latest.has(f.id) && input.itemIds.has(f.itemId));
	for (const f of files) {
		const id = crypto.randomUUID();
		await insertEvidenceFile(tx, {
			id,
			orgId: input.orgId,
			assessmentId: input.toAssessmentId,
			itemId: f.itemId,
			blobId: f.blobId,
			lineageId: id,
			version: 1,
			fileName: f.fileName,
			contentType: f.contentType,
			size: f.size,
			sha256: f.sha256,
			uploadedBy: f.uploadedBy,
			effectiveOn: f.effectiveOn,
			expiresOn: f.expiresOn,
			needsReconfirmation: f.expiresOn !== null && f.expiresOn < input.today
		});
		await addBlobReferences(tx, f.blobId);
	}
	return files.length;
}
