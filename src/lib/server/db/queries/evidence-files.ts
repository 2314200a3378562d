import { sql } from 'kysely';
import type { EvidenceFile, EvidenceRequest } from '../../../domain/evidence';
import type { Database } from '../connection';
import type { AuditedTx } from '../audited';
import type { EvidenceReviewStatus } from '../schema';

export interface EvidenceFileRecord extends EvidenceFile {
	orgId: string;
	assessmentId: string;
	blobId: string;
}

const selectFiles = (db: Database) =>
	db
		.selectFrom('evidence_files as f')
		.leftJoin('users as u', 'u.id', 'f.uploaded_by')
		.select([
			'f.id',
			'f.org_id as orgId',
			'f.assessment_id as assessmentId',
			'f.item_id as itemId',
			'f.blob_id as blobId',
			'f.lineage_id as lineageId',
			'f.version',
			'f.file_name as fileName',
			'f.content_type as contentType',
			sql<number>`f.size::int`.as('size'),
			'f.sha256',
			'f.uploaded_by as uploadedBy',
			'u.name as uploaderName',
			'f.uploaded_at as uploadedAt',
			sql<string>`to_char(f.effective_on, 'YYYY-MM-DD')`.as('effectiveOn'),
			sql<string | null>`to_char(f.expires_on, 'YYYY-MM-DD')`.as('expiresOn'),
			'f.review_status as reviewStatus',
			'f.reviewed_at as reviewedAt',
			'f.needs_reconfirmation as needsReconfirmation'
		]);

/** An assessment's files (of one item, or all), oldest first. */
export async function listEvidenceFiles(
	db: Database,
	scope: { assessmentId: string; itemId?: string }
): Promise<EvidenceFileRecord[]> {
	let query = selectFiles(db).where('f.assessment_id', '=', scope.assessmentId);
	if (scope.itemId !== undefined) query = query.where('f.item_id', '=', scope.itemId);
	return query.orderBy('f.uploaded_at').orderBy('f.version').execute();
}

export async function findEvidenceFile(
	db: Database,
	scope: { orgId: string; assessmentId: string; id: string }
): Promise<EvidenceFileRecord | null> {
	return (
		(await selectFiles(db)
			.where('f.org_id', '=', scope.orgId)
			.where('f.assessment_id', '=', scope.assessmentId)
			.where('f.id', '=', scope.id)
			.executeTakeFirst()) ?? null
	);
}

/** One evidence file's row, as insertEvidenceFile and insertEvidenceFiles write it. */
export type EvidenceFileRow = Pick<
	EvidenceFile,
	| 'id'
	| 'itemId'
	| 'lineageId'
	| 'version'
	| 'fileName'
	| 'contentType'
	| 'size'
	| 'sha256'
	| 'uploadedBy'
	| 'effectiveOn'
	| 'expiresOn'
> & { orgId: string; assessmentId: string; blobId: string; needsReconfirmation?: boolean };

export async function insertEvidenceFile(tx: AuditedTx, f: EvidenceFileRow): Promise<void> {
	await insertEvidenceFiles(tx, [f]);
}

/** Rows per statement: 15 columns each stays far below PostgreSQL's 65,535 parameters. */
const ROWS_PER_INSERT = 500;

/** Many files' rows in a few statements (an import restoring thousands of them). */
export async function insertEvidenceFiles(tx: AuditedTx, files: EvidenceFileRow[]): Promise<void> {
	for (let i = 0; i < files.length; i += ROWS_PER_INSERT)
		await tx.db
			.insertInto('evidence_files')
			.values(
				files.slice(i, i + ROWS_PER_INSERT).map((f) => ({
					id: f.id,
					org_id: f.orgId,
					assessment_id: f.assessmentId,
					item_id: f.itemId,
					blob_id: f.blobId,
					lineage_id: f.lineageId,
					version: f.version,
					file_name: f.fileName,
					content_type: f.contentType,
					size: f.size,
					sha256: f.sha256,
					uploaded_by: f.uploadedBy,
					effective_on: f.effectiveOn,
					expires_on: f.expiresOn,
					needs_reconfirmation: f.needsReconfirmation ?? false
				}))
			)
			.execute();
}

export async function updateEvidenceReview(
	tx: AuditedTx,
	f: { id: string; status: EvidenceReviewStatus; reviewerId: string | null }
): Promise<void> {
	await tx.db
		.updateTable('evidence_files')
		.set({
			review_status: f.status,
			reviewed_by: f.reviewerId,
			reviewed_at: new Date(),
			needs_reconfirmation: false
		})
		.where('id', '=', f.id)
		.execute();
}

/** Deletes file rows; answers the blob of each, for the reference counts. */
export async function deleteEvidenceFiles(
	tx: AuditedTx,
	scope: { assessmentId: string; ids?: string[] }
): Promise<{ id: string; blobId: string }[]> {
	if (scope.ids?.length === 0) return [];
	await tx.db
		.updateTable('evidence_requests')
		.set({ fulfilled_by_file_id: null })
		.where('assessment_id', '=', scope.assessmentId)
		.$if(scope.ids !== undefined, (q) => q.where('fulfilled_by_file_id', 'in', scope.ids!))
		.execute();
	return tx.db
		.deleteFrom('evidence_files')
		.where('assessment_id', '=', scope.assessmentId)
		.$if(scope.ids !== undefined, (q) => q.where('id', 'in', scope.ids!))
		.returning(['id', 'blob_id as blobId'])
		.execute();
}

/** The highest version of a document (its lineage) on this assessment, or 0. */
export async function latestLineageVersion(
	db: Database,
	f: { assessmentId: string; lineageId: string }
): Promise<number> {
	const row = await db
		.selectFrom('evidence_files')
		.select(sql<number>`coalesce(max(version), 0)::int`.as('v'))
		.where('assessment_id', '=', f.assessmentId)
		.where('lineage_id', '=', f.lineageId)
		.executeTakeFirstOrThrow();
	return row.v;
}

const selectRequests = (db: Database) =>
	db
		.selectFrom('evidence_requests as r')
		.leftJoin('users as u', 'u.id', 'r.requested_by')
		.select([
			'r.id',
			'r.item_id as itemId',
			'r.description',
			sql<string | null>`to_char(r.due_on, 'YYYY-MM-DD')`.as('dueOn'),
			'r.requested_at as requestedAt',
			'u.name as requesterName',
			'r.fulfilled_at as fulfilledAt'
		]);

export async function listEvidenceRequests(
	db: Database,
	scope: { assessmentId: string; itemId?: string }
): Promise<EvidenceRequest[]> {
	let query = selectRequests(db).where('r.assessment_id', '=', scope.assessmentId);
	if (scope.itemId !== undefined) query = query.where('r.item_id', '=', scope.itemId);
	return query.orderBy('r.requested_at').execute();
}

export async function insertEvidenceRequest(
	tx: AuditedTx,
	r: {
		id: string;
		orgId: string;
		assessmentId: string;
		itemId: string;
		description: string;
		dueOn: string | null;
		requestedBy: string | null;
	}
): Promise<void> {
	await tx.db
		.insertInto('evidence_requests')
		.values({
			id: r.id,
			org_id: r.orgId,
			assessment_id: r.assessmentId,
			item_id: r.itemId,
			description: r.description,
			due_on: r.dueOn,
			requested_by: r.requestedBy
		})
		.execute();
}

/** The item's open requests, fulfilled by this file; answers their ids. */
export async function fulfilEvidenceRequests(
	tx: AuditedTx,
	r: { assessmentId: string; itemId: string; fileId: string }
): Promise<string[]> {
	const rows = await tx.db
		.updateTable('evidence_requests')
		.set({ fulfilled_at: new Date(), fulfilled_by_file_id: r.fileId })
		.where('assessment_id', '=', r.assessmentId)
		.where('item_id', '=', r.itemId)
		.where('fulfilled_at', 'is', null)
		.returning('id')
		.execute();
	return rows.map((row) => row.id);
}
