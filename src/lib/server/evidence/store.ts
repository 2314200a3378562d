import { createHash } from 'node:crypto';
import type { Database } from '../db/connection';
import {
	deleteAbandonedBlobs,
	deletePendingBlob,
	insertBlobChunk,
	insertPendingBlob,
	readBlobChunk
} from '../db/queries/evidence-blobs';

/** Rows of 256 KB: small enough to hold one at a time, large enough that 25 MB is 100 rows. */
export const CHUNK_SIZE = 256 * 1024;

/** Bytes streamed into the database, not yet attached to anything (evidence/files.ts does). */
export interface StagedBlob {
	blobId: string;
	orgId: string;
	size: number;
	sha256: string;
}

export class EvidenceTooLargeError extends Error {
	constructor(readonly limit: number) {
		super(`evidence file over ${limit} bytes`);
	}
}

/**
 * Writes a stream into a pending blob, 256 KB a row, counting and hashing the bytes as they
 * arrive; past `limit` bytes it stores no more, deletes what it wrote and throws
 * EvidenceTooLargeError. At most one chunk is held in memory: the next bytes are read only once the
 * previous row is written, which holds back a faster sender.
 */
export async function stageEvidenceBlob(
	db: Database,
	orgId: string,
	source: AsyncIterable<Uint8Array>,
	limit: number
): Promise<StagedBlob> {
	const blobId = crypto.randomUUID();
	await insertPendingBlob(db, { id: blobId, orgId });
	const hash = createHash('sha256');
	let size = 0;
	let seq = 0;
	// One buffer for every row: each insert has copied it out (to the socket, or PGlite's memory)
	// before it is filled again, so an upload leaves no trail of 256 KB buffers for the GC.
	const buffer = Buffer.allocUnsafe(CHUNK_SIZE);
	let filled = 0;
	try {
		for await (const piece of source) {
			size += piece.byteLength;
			// Read on without storing rather than stop: leaving the loop would destroy the source,
			// and a multipart parser then waits forever for its part to be read. The parser ends the
			// part one byte past the limit (readEvidenceForm).
			if (size > limit) continue;
			hash.update(piece);
			let offset = 0;
			while (offset < piece.byteLength) {
				const n = Math.min(CHUNK_SIZE - filled, piece.byteLength - offset);
				buffer.set(piece.subarray(offset, offset + n), filled);
				filled += n;
				offset += n;
				if (filled === CHUNK_SIZE) {
					await insertBlobChunk(db, { blobId, seq: seq++, data: buffer });
					filled = 0;
					await otherRequestsTurn();
				}
			}
		}
		if (size > limit) throw new EvidenceTooLargeError(limit);
		if (filled > 0)
			await insertBlobChunk(db, { blobId, seq: seq++, data: buffer.subarray(0, filled) });
		return { blobId, orgId, size, sha256: hash.digest('hex') };
	} catch (error) {
		await discardStagedBlob(db, blobId);
		throw error;
	}
}

/**
 * Lets the event loop take in other requests between two rows. Embedded PGlite answers a query
 * without any input or output, so a file streamed row after row is one unbroken chain of promise
 * callbacks: measured with `BENCH_DB=pglite npm run bench:evidence`, /healthz waited for the whole
 * 20 MB download (4.4 s). A PostgreSQL server's answers arrive as input, which already yields.
 */
function otherRequestsTurn(): Promise<void> {
	return new Promise((resolve) => setImmediate(resolve));
}

/** Pending uploads left by an instance that stopped mid-upload, a day old or more. */
export function deleteAbandonedUploads(db: Database): Promise<number> {
	return deleteAbandonedBlobs(db);
}

/** A staged blob that will not be attached (a refused form, a failed upload). */
export async function discardStagedBlob(db: Database, blobId: string): Promise<void> {
	await deletePendingBlob(db, blobId);
}

/**
 * A stored blob's bytes as a stream, read one 256 KB row at a time as the reader asks for more:
 * a slow client holds one row in memory, not the file.
 */
export function streamBlob(db: Database, blobId: string): ReadableStream<Uint8Array> {
	let seq = 0;
	return new ReadableStream<Uint8Array>(
		{
			async pull(controller) {
				if (seq > 0) await otherRequestsTurn();
				const data = await readBlobChunk(db, blobId, seq++);
				if (data === null) controller.close();
				else controller.enqueue(data);
			}
		},
		{ highWaterMark: 1 }
	);
}
