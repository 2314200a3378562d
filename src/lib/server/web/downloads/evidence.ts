import { downloadContentType } from '../../../domain/evidence';
import type { Database } from '../../db/connection';
import type { EvidenceFileRecord } from '../../evidence/files';
import { streamBlob } from '../../evidence/store';
import { namedAttachment } from './content-disposition';

/**
 * An evidence file as a download, streamed from the database a row at a time. Always an attachment,
 * never shown in the browser: the type comes from the name's extension among known evidence kinds
 * (never the uploader's word, never HTML or SVG), nosniff stops the browser guessing, and the
 * sandbox CSP keeps anything opened from it from running scripts or reaching the app's origin.
 */
export function evidenceFileResponse(db: Database, file: EvidenceFileRecord): Response {
	const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return new Response(streamBlob(db, file.blobId), {
		headers: {
			'content-type': downloadContentType(file.fileName),
			'content-length': String(file.size),
			'content-disposition': namedAttachment(ascii, file.fileName),
			'x-content-type-options': 'nosniff',
			'content-security-policy': "sandbox; default-src 'none'",
			'cross-origin-resource-policy': 'same-origin',
			'cache-control': 'private, no-store',
			etag: `"${file.sha256}"`,
			'x-evidence-sha256': file.sha256
		}
	});
}
