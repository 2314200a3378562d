import { sql } from 'kysely';
import type { Database } from '../connection';
import type { AuditedTx } from '../audited';

/*
 * The bytes of evidence files. An upload streams into a pending blob (bookkeeping: no one's change
 * yet, written outside a transaction so the upload never holds one open); the audited attach then
 * keeps it (or the organisation's identical blob) and counts the reference, or the pending blob is
 * deleted.
 */

export async function insertPendingBlob(db: Database, b: { id: string; orgId: string }) {
	await db.insertInto('evidence_blobs').values({ id: b.id, org_id: b.orgId }).execute();
}

export async function insertBlobChunk(
	db: Database,
	c: { blobId: string; seq: number; data: Uint8Array }
) {
	await db
		.insertInto('evidence_chunks')
		.values({ blob_id: c.blobId, seq: c.seq, data: c.data })
		.execute();
}

/** A pending blob whose upload failed or was refused: gone with its chunks. */
export async function deletePendingBlob(db: Database, id: string) {
	await db.deleteFrom('evidence_blobs').where('id', '=', id).where('sha256', 'is', null).execute();
}

/** Pending blobs left by an instance that stopped mid-upload (older than a day). */
export async function deleteAbandonedBlobs(db: Database): Promise<number> {
	const result = await db
		.deleteFrom('evidence_blobs')
		.where('sha256', 'is', null)
		.where('created_at', '<', sql<Date>`now() - interval '1 day'`)
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}

/** The organisation's stored blob with these bytes, locked for the reference count. */
export async function findStoredBlob(
	db: Database,
	b: { orgId: string; sha256: string }
): Promise<string | null> {
	const row = await db
		.selectFrom('evidence_blobs')
		.select('id')
		.where('org_id', '=', b.orgId)
		.where('sha256', '=', b.sha256)
		.forUpdate()
		.executeTakeFirst();
	return row?.id ?? null;
}

/**
 * The organisation's stored blobs of these SHA-256s, by SHA-256, locked as findStoredBlob locks
 * one: one statement for an import that names thousands of files.
 */
export async function findStoredBlobs(
	db: Database,
	b: { orgId: string; sha256s: string[] }
): Promise<Map<string, string>> {
	if (b.sha256s.length === 0) return new Map();
	const rows = await db
		.selectFrom('evidence_blobs')
		.select(['id', 'sha256'])
		.where('org_id', '=', b.orgId)
		.where('sha256', 'in', b.sha256s)
		.forUpdate()
		.execute();
	return new Map(rows.map((r) => [r.sha256!, r.id]));
}

/** A pending blob becomes the organisation's stored copy of these bytes, referenced once. */
export async function storePendingBlob(
	tx: AuditedTx,
	b: { id: string; sha256: string; size: number }
): Promise<void> {
	await tx.db
		.updateTable('evidence_blobs')
		.set({ sha256: b.sha256, size: b.size, ref_count: 1 })
		.where('id', '=', b.id)
		.where('sha256', 'is', null)
		.execute();
}

export async function addBlobReferences(tx: AuditedTx, blobId: string, count = 1): Promise<void> {
	await tx.db
		.updateTable('evidence_blobs')
		.set((eb) => ({ ref_count: eb('ref_count', '+', count) }))
		.where('id', '=', blobId)
		.execute();
}

/** One reference fewer for each blob listed (once per mention); blobs left unreferenced go. */
export async function releaseBlobReferences(tx: AuditedTx, blobIds: string[]): Promise<number> {
	if (blobIds.length === 0) return 0;
	const counts = new Map<string, number>();
	for (const id of blobIds) counts.set(id, (counts.get(id) ?? 0) + 1);
	for (const [id, n] of counts)
		await tx.db
			.updateTable('evidence_blobs')
			.set((eb) => ({ ref_count: eb('ref_count', '-', n) }))
			.where('id', '=', id)
			.execute();
	const removed = await tx.db
		.deleteFrom('evidence_blobs')
		.where('id', 'in', [...counts.keys()])
		.where('ref_count', '=', 0)
		.where('sha256', 'is not', null)
		.executeTakeFirst();
	return Number(removed.numDeletedRows);
}

/** The size and chunk count of a stored blob. */
export async function blobChunkCount(db: Database, blobId: string): Promise<number> {
	const row = await db
		.selectFrom('evidence_chunks')
		.select(sql<number>`count(*)::int`.as('n'))
		.where('blob_id', '=', blobId)
		.executeTakeFirstOrThrow();
	return row.n;
}

/** One chunk's bytes (null past the end). */
export async function readBlobChunk(
	db: Database,
	blobId: string,
	seq: number
): Promise<Uint8Array | null> {
	const row = await db
		.selectFrom('evidence_chunks')
		.select('data')
		.where('blob_id', '=', blobId)
		.where('seq', '=', seq)
		.executeTakeFirst();
	return row?.data ?? null;
}
