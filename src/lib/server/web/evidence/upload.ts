import { Readable, Transform } from 'node:stream';
import busboy from 'busboy';
import type { Database } from '../../db/connection';
import type { EvidenceUpload } from '../../evidence/files';
import { discardStagedBlob, EvidenceTooLargeError, stageEvidenceBlob } from '../../evidence/store';

/** At most this many files in one upload. */
export const MAX_FILES_PER_UPLOAD = 10;

export type UploadProblem =
	'not_multipart' | 'malformed' | 'bad_part_header' | 'no_file' | 'empty_file' | 'too_many_files';

export class EvidenceUploadError extends Error {
	constructor(readonly problem: UploadProblem) {
		super(problem);
	}
}

/** A file over the per-file limit, by name. */
export class EvidenceFileTooLargeError extends EvidenceTooLargeError {
	constructor(
		limit: number,
		readonly fileName: string
	) {
		super(limit);
	}
}

/**
 * Files each within the per-file limit whose sum is over what one upload reads (`limit`): the
 * files sent until the upload was cut off, by name.
 */
export class EvidenceTotalTooLargeError extends Error {
	constructor(
		readonly limit: number,
		readonly fileNames: string[]
	) {
		super(`evidence upload over ${limit} bytes`);
	}
}

/** The most one upload reads: two files at the per-file limit, and a megabyte for the rest. */
export const uploadTotalLimit = (fileLimit: number) => fileLimit * 2 + 1024 * 1024;

export interface EvidenceForm {
	uploads: EvidenceUpload[];
	fields: Record<string, string>;
}

/**
 * Reads a multipart evidence upload as it arrives (busboy): each part named `file` streams into a
 * pending blob in the database (evidence/store.ts), counted and hashed on the way, never held
 * whole; the other parts are short text fields. A file over `limit` bytes stops the upload with
 * EvidenceTooLargeError. On any failure every file staged so far is deleted: nothing half-stored.
 * The rest of a refused body is read and discarded up to another `limit` bytes, so that the client
 * finishes sending and sees the answer; a body larger than that is cut off.
 */
export async function readEvidenceForm(
	request: Request,
	target: { db: Database; orgId: string; limit: number }
): Promise<EvidenceForm> {
	const type = request.headers.get('content-type') ?? '';
	if (!type.toLowerCase().startsWith('multipart/form-data') || !request.body)
		throw new EvidenceUploadError('not_multipart');
	const staging: Promise<EvidenceUpload | null>[] = [];
	/** The name of every file part begun, for a refusal that names them. */
	const names: string[] = [];
	const fields: Record<string, string> = {};
	let failure: unknown = null;
	const fail = (error: unknown) => (failure ??= error);

	let parser: busboy.Busboy;
	try {
		parser = busboy({
			headers: { 'content-type': type },
			// File names as browsers send them: raw UTF-8.
			defParamCharset: 'utf8',
			limits: {
				files: MAX_FILES_PER_UPLOAD,
				// One byte past the limit ends the part, so that it is known to be too large.
				fileSize: target.limit + 1,
				fields: 20,
				fieldSize: 4096,
				parts: 40
			}
		});
	} catch {
		throw new EvidenceUploadError('malformed');
	}
	parser.on('file', (name, stream, info) => {
		// A form that ends inside this part errors the part's stream as well as the parser: the
		// parser's error is the one answered, and an unheard stream error would end the process.
		stream.on('error', () => {});
		const fileName = info.filename;
		if (name !== 'file' || failure || fileName === undefined) {
			stream.resume();
			return;
		}
		if (fileName !== '') names.push(fileName);
		const staged = (async (): Promise<EvidenceUpload | null> => {
			try {
				const blob = await stageEvidenceBlob(target.db, target.orgId, stream, target.limit);
				// A file input left empty in a form sends a part with no name and no bytes.
				if (blob.size === 0) {
					await discardStagedBlob(target.db, blob.blobId);
					if (fileName !== '') fail(new EvidenceUploadError('empty_file'));
					return null;
				}
				return { staged: blob, fileName, contentType: info.mimeType };
			} catch (error) {
				fail(
					error instanceof EvidenceTooLargeError
						? new EvidenceFileTooLargeError(error.limit, fileName)
						: error
				);
				// The database failed mid-file: the part's stream is gone, and the parser with it.
				if (!(error instanceof EvidenceTooLargeError)) parser.destroy();
				return null;
			}
		})();
		staging.push(staged);
	});
	parser.on('field', (name, value) => {
		fields[name] = value;
	});
	parser.on('filesLimit', () => fail(new EvidenceUploadError('too_many_files')));

	let received = 0;
	const source = Readable.fromWeb(request.body as import('node:stream/web').ReadableStream);
	const counter = new Transform({
		transform(chunk: Buffer, _encoding, done) {
			received += chunk.byteLength;
			// Past the file limit twice over, the rest is not worth reading to answer politely.
			const total = uploadTotalLimit(target.limit);
			if (received > total) done(new EvidenceTotalTooLargeError(total, names));
			else done(null, chunk);
		}
	});
	const finished = new Promise<void>((resolve) => {
		parser.on('close', resolve);
		parser.on('finish', resolve);
		parser.on('error', (error) => {
			fail(
				error instanceof EvidenceTooLargeError || error instanceof EvidenceTotalTooLargeError
					? error
					: // A part's header busboy cannot read: most often a file name holding a control
						// character (a NUL), which the browser sent as it was.
						new EvidenceUploadError(
							error instanceof Error && error.message === 'Malformed part header'
								? 'bad_part_header'
								: 'malformed'
						)
			);
			resolve();
		});
		counter.on('error', (error) => {
			fail(error);
			source.destroy();
			resolve();
		});
		source.on('error', (error: { status?: number }) => {
			// adapter-node's BODY_SIZE_LIMIT (npm start: the same total) stops the body with a 413.
			fail(
				error.status === 413
					? new EvidenceTotalTooLargeError(uploadTotalLimit(target.limit), names)
					: new EvidenceUploadError('malformed')
			);
			resolve();
		});
	});
	source.pipe(counter).pipe(parser);
	await finished;
	const uploads = (await Promise.all(staging)).filter((u): u is EvidenceUpload => u !== null);
	if (failure === null && uploads.length === 0) fail(new EvidenceUploadError('no_file'));
	if (failure !== null) {
		await discardEvidenceForm(target.db, uploads);
		throw failure;
	}
	return { uploads, fields };
}

/** The staged files of a form that will not be attached. */
export async function discardEvidenceForm(db: Database, uploads: EvidenceUpload[]): Promise<void> {
	for (const upload of uploads) await discardStagedBlob(db, upload.staged.blobId);
}
