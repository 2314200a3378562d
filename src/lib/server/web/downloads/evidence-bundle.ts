import { Readable } from 'node:stream';
import archiver from 'archiver';
import type { Database } from '../../db/connection';
import type { EvidenceFileRecord } from '../../evidence/files';
import { streamBlob } from '../../evidence/store';
import { safeFileName } from './content-disposition';

/** Where a file sits in the bundle: evidence/<item>/v<version>-<name>, unique within it. */
export function bundlePath(
	file: Pick<EvidenceFileRecord, 'itemId' | 'version' | 'fileName' | 'id'>
) {
	return `evidence/${file.itemId}/v${file.version}-${file.id.slice(0, 8)}-${safeFileName(file.fileName)}`;
}

/**
 * The assessment's JSON export and every evidence file, as a zip streamed while it is written
 * (archiver): each file is read from the database a row at a time when the zip reaches it, so
 * neither the files nor the zip are ever whole in memory. Files are stored, not compressed (PDFs,
 * images and Office files are compressed already). manifest.json lists each file with its SHA-256.
 */
export function evidenceBundleStream(
	db: Database,
	input: { exportJson: unknown; files: EvidenceFileRecord[] }
): ReadableStream<Uint8Array> {
	const zip = archiver('zip', { store: true });
	zip.append(JSON.stringify(input.exportJson, null, 2), { name: 'assessment.json' });
	const manifest = input.files.map((f) => ({
		path: bundlePath(f),
		item_id: f.itemId,
		file_name: f.fileName,
		version: f.version,
		size: f.size,
		sha256: f.sha256,
		effective_on: f.effectiveOn,
		expires_on: f.expiresOn,
		review_status: f.reviewStatus
	}));
	zip.append(JSON.stringify({ files: manifest }, null, 2), { name: 'manifest.json' });
	for (const f of input.files)
		zip.append(
			Readable.fromWeb(streamBlob(db, f.blobId) as import('node:stream/web').ReadableStream),
			{
				name: bundlePath(f),
				date: new Date(f.uploadedAt)
			}
		);
	void zip.finalize();
	return Readable.toWeb(zip) as ReadableStream<Uint8Array>;
}
