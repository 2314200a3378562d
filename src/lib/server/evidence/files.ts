import type { Actor } from '../db/audited';
import { audited, type AuditedTx } from '../db/audited';
import type { Database } from '../db/connection';
import { lockOpenAssessment, type AssessmentRecord } from '../db/queries/assessments';
import {
	addBlobReferences,
	deletePendingBlob,
	findStoredBlob,
	releaseBlobReferences,
	storePendingBlob
} from '../db/queries/evidence-blobs';
import {
	deleteEvidenceFiles,
	findEvidenceFile,
	fulfilEvidenceRequests,
	insertEvidenceFile,
	latestLineageVersion,
	listEvidenceFiles,
	updateEvidenceReview,
	type EvidenceFileRecord
} from '../db/queries/evidence-files';
import type { EvidenceReviewStatus } from '../db/schema';
import { cleanContentType, cleanFileName } from '../../domain/evidence';
import { notifyEvidenceRejected, type NotifyOptions } from '../notifications/notify';
import type { StagedBlob } from './store';

export type { EvidenceFileRecord };

export interface EvidenceUpload {
	staged: StagedBlob;
	fileName: string;
	contentType: string | null;
}

export interface EvidenceDetails {
	/** YYYY-MM-DD; today when not given. */
	effectiveOn: string;
	expiresOn: string | null;
	/** A new version of this file (its id, or any version's), rather than a new document. */
	replaces: string | null;
}

/** What an upload answers: each file's id, name, size and SHA-256. */
export interface AttachedEvidence {
	id: string;
	fileName: string;
	size: number;
	sha256: string;
	version: number;
}

/**
 * Attaches staged uploads to an item's answer, audited. Each keeps the organisation's stored copy
 * of the same bytes if there is one (its staged copy deleted) — never another organisation's — and
 * counts one more reference to it. Open evidence requests of the item are fulfilled.
 */
export async function attachEvidenceFiles(
	db: Database,
	actor: Actor,
	input: {
		assessment: AssessmentRecord;
		itemId: string;
		uploads: EvidenceUpload[];
		details: EvidenceDetails;
	}
): Promise<AttachedEvidence[] | 'unknown_file' | 'final'> {
	const { assessment, itemId, details } = input;
	return audited(db, actor, async (tx) => {
		// Checked again here: an upload takes seconds to arrive, and the assessment may have been
		// finalised since the request began.
		if (!(await lockOpenAssessment(tx, assessment.id))) return 'final';
		let lineage: { id: string; version: number } | null = null;
		if (details.replaces) {
			const previous = await findEvidenceFile(tx.db, {
				orgId: assessment.orgId,
				assessmentId: assessment.id,
				id: details.replaces
			});
			if (!previous || previous.itemId !== itemId) return 'unknown_file';
			const latest = await latestLineageVersion(tx.db, {
				assessmentId: assessment.id,
				lineageId: previous.lineageId
			});
			lineage = { id: previous.lineageId, version: latest };
		}
		const attached: AttachedEvidence[] = [];
		for (const upload of input.uploads) {
			const blobId = await keepBlob(tx, upload.staged);
			const id = crypto.randomUUID();
			const version = lineage ? ++lineage.version : 1;
			const file = {
				id,
				orgId: assessment.orgId,
				assessmentId: assessment.id,
				itemId,
				blobId,
				lineageId: lineage?.id ?? id,
				version,
				fileName: cleanFileName(upload.fileName),
				contentType: cleanContentType(upload.contentType),
				size: upload.staged.size,
				sha256: upload.staged.sha256,
				uploadedBy: actor.userId,
				effectiveOn: details.effectiveOn,
				expiresOn: details.expiresOn
			};
			await insertEvidenceFile(tx, file);
			const fulfilled = await fulfilEvidenceRequests(tx, {
				assessmentId: assessment.id,
				itemId,
				fileId: id
			});
			tx.record({
				action: 'evidence.uploaded',
				orgId: assessment.orgId,
				entity: { type: 'evidence_file', id },
				assessmentId: assessment.id,
				itemId,
				after: {
					fileName: file.fileName,
					contentType: file.contentType,
					size: file.size,
					sha256: file.sha256,
					version,
					lineageId: file.lineageId,
					effectiveOn: file.effectiveOn,
					expiresOn: file.expiresOn,
					...(fulfilled.length ? { fulfilledRequests: fulfilled } : {})
				}
			});
			attached.push({ id, fileName: file.fileName, size: file.size, sha256: file.sha256, version });
		}
		return attached;
	});
}

/** The organisation's blob of these bytes, one reference more; the staged one kept if it is the first. */
async function keepBlob(tx: AuditedTx, staged: StagedBlob): Promise<string> {
	const existing = await findStoredBlob(tx.db, { orgId: staged.orgId, sha256: staged.sha256 });
	if (existing) {
		await addBlobReferences(tx, existing);
		await deletePendingBlob(tx.db, staged.blobId);
		return existing;
	}
	await storePendingBlob(tx, { id: staged.blobId, sha256: staged.sha256, size: staged.size });
	return staged.blobId;
}

export function itemEvidenceFiles(
	db: Database,
	assessment: Pick<AssessmentRecord, 'id'>,
	itemId: string
): Promise<EvidenceFileRecord[]> {
	return listEvidenceFiles(db, { assessmentId: assessment.id, itemId });
}

export function assessmentEvidenceFiles(
	db: Database,
	assessment: Pick<AssessmentRecord, 'id'>
): Promise<EvidenceFileRecord[]> {
	return listEvidenceFiles(db, { assessmentId: assessment.id });
}

export function findAssessmentEvidenceFile(
	db: Database,
	assessment: Pick<AssessmentRecord, 'id' | 'orgId'>,
	fileId: string
): Promise<EvidenceFileRecord | null> {
	return findEvidenceFile(db, { orgId: assessment.orgId, assessmentId: assessment.id, id: fileId });
}

/**
 * The reviewer's decision on one file, audited; 'not_found' when the file is not on this item,
 * 'final' once the assessment is (under the row lock, as a removal: a finalise racing the decision
 * is seen, and the evidence the review was signed off on keeps its standing).
 */
export async function reviewEvidenceFile(
	db: Database,
	actor: Actor,
	input: {
		assessment: AssessmentRecord;
		itemId: string;
		fileId: string;
		status: Exclude<EvidenceReviewStatus, 'pending'>;
		/** Tell the uploader of a file not accepted (the web passes its origin for links). */
		notify?: NotifyOptions;
	}
): Promise<'reviewed' | 'not_found' | 'final'> {
	const { assessment } = input;
	return audited(db, actor, async (tx) => {
		if (!(await lockOpenAssessment(tx, assessment.id))) return 'final' as const;
		const file = await findEvidenceFile(tx.db, {
			orgId: assessment.orgId,
			assessmentId: assessment.id,
			id: input.fileId
		});
		if (!file || file.itemId !== input.itemId) return 'not_found' as const;
		await updateEvidenceReview(tx, { id: file.id, status: input.status, reviewerId: actor.userId });
		tx.record({
			action: `evidence.${input.status}`,
			orgId: assessment.orgId,
			entity: { type: 'evidence_file', id: file.id },
			assessmentId: assessment.id,
			itemId: file.itemId,
			before: { reviewStatus: file.reviewStatus },
			after: { reviewStatus: input.status, fileName: file.fileName, sha256: file.sha256 }
		});
		if (input.notify && input.status === 'rejected' && file.reviewStatus !== 'rejected')
			await notifyEvidenceRejected(tx, {
				assessment,
				itemId: file.itemId,
				file,
				notify: input.notify
			});
		return 'reviewed' as const;
	});
}

/**
 * Removes one version of a file from the item, audited; its bytes go once nothing uses them. A file
 * a reviewer accepted is the reviewer's to remove: a respondent (`reviewer: false`) is refused,
 * or an item accepted on that evidence would stay accepted without it. They upload a new version
 * instead, which the reviewer sees as pending.
 */
export async function removeEvidenceFile(
	db: Database,
	actor: Actor,
	input: { assessment: AssessmentRecord; itemId: string; fileId: string; reviewer: boolean }
): Promise<'removed' | 'not_found' | 'final' | 'accepted'> {
	const { assessment } = input;
	return audited(db, actor, async (tx) => {
		// Under the row lock: a finalise racing the removal is seen.
		if (!(await lockOpenAssessment(tx, assessment.id))) return 'final';
		const file = await findEvidenceFile(tx.db, {
			orgId: assessment.orgId,
			assessmentId: assessment.id,
			id: input.fileId
		});
		if (!file || file.itemId !== input.itemId) return 'not_found';
		if (file.reviewStatus === 'accepted' && !input.reviewer) return 'accepted';
		const removed = await deleteEvidenceFiles(tx, { assessmentId: assessment.id, ids: [file.id] });
		await releaseBlobReferences(
			tx,
			removed.map((r) => r.blobId)
		);
		tx.record({
			action: 'evidence.removed',
			orgId: assessment.orgId,
			entity: { type: 'evidence_file', id: file.id },
			assessmentId: assessment.id,
			itemId: file.itemId,
			before: {
				fileName: file.fileName,
				sha256: file.sha256,
				version: file.version,
				reviewStatus: file.reviewStatus
			}
		});
		return 'removed';
	});
}
