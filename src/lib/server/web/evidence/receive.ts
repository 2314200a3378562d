import { m } from '$lib/paraglide/messages';
import { quotedFileList } from '$lib/labels/file-list';
import { evidenceUploadSchema } from '$lib/schemas/evidence';
import type { Actor } from '../../db/audited';
import type { Database } from '../../db/connection';
import type { AssessmentRecord } from '../../db/queries/assessments';
import { attachEvidenceFiles, type AttachedEvidence } from '../../evidence/files';
import { EvidenceTooLargeError } from '../../evidence/store';
import { readServerEnv } from '../../env';
import { fieldLabel } from '../field-labels';
import {
	discardEvidenceForm,
	EvidenceFileTooLargeError,
	EvidenceTotalTooLargeError,
	EvidenceUploadError,
	MAX_FILES_PER_UPLOAD,
	readEvidenceForm,
	type UploadProblem
} from './upload';

export const evidenceSizeLimit = readServerEnv().evidenceSizeLimit;

export type ReceivedEvidence =
	| { ok: true; files: AttachedEvidence[] }
	| { ok: false; status: 400 | 409 | 413; message: string; fields: Record<string, string> };

/** Today's date where the app's people work (China Standard Time), YYYY-MM-DD. */
export function todayInShanghai(now = new Date()): string {
	return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

function problemMessage(problem: UploadProblem): string {
	switch (problem) {
		case 'empty_file':
			return m.evidence_err_empty();
		case 'no_file':
			return m.evidence_err_no_file();
		case 'too_many_files':
			return m.evidence_err_too_many({ max: MAX_FILES_PER_UPLOAD });
		case 'bad_part_header':
			return m.sec_evidence_err_file_name();
		default:
			return m.evidence_err_malformed();
	}
}

/**
 * An evidence upload (the web's and the API's): the files streamed into the database, the fields
 * validated, then everything attached in one audited transaction — or nothing kept at all.
 */
export async function receiveEvidence(
	request: Request,
	target: { db: Database; actor: Actor; assessment: AssessmentRecord; itemId: string }
): Promise<ReceivedEvidence> {
	const { db, assessment } = target;
	let form;
	try {
		form = await readEvidenceForm(request, {
			db,
			orgId: assessment.orgId,
			limit: evidenceSizeLimit
		});
	} catch (error) {
		if (error instanceof EvidenceTotalTooLargeError) {
			// A body whose declared length is over the limit is refused before a file is read.
			const mb = Math.floor(error.limit / 1024 ** 2);
			const message =
				error.fileNames.length === 0
					? m.harden_evidence_total_too_large_unnamed({ mb })
					: m.harden_evidence_total_too_large({
							mb,
							files: quotedFileList(error.fileNames),
							count: error.fileNames.length
						});
			return { ok: false, status: 413, message, fields: { file: message } };
		}
		if (error instanceof EvidenceFileTooLargeError) {
			const message = m.harden_evidence_file_too_large({
				mb: Math.floor(evidenceSizeLimit / 1024 ** 2),
				file: error.fileName
			});
			return { ok: false, status: 413, message, fields: { file: message } };
		}
		if (error instanceof EvidenceTooLargeError) {
			const message = m.evidence_err_too_large({ mb: Math.floor(evidenceSizeLimit / 1024 ** 2) });
			return { ok: false, status: 413, message, fields: { file: message } };
		}
		if (error instanceof EvidenceUploadError) {
			const message = problemMessage(error.problem);
			return { ok: false, status: 400, message, fields: { file: message } };
		}
		throw error;
	}
	const parsed = evidenceUploadSchema.safeParse(form.fields);
	if (!parsed.success) {
		await discardEvidenceForm(db, form.uploads);
		const fields: Record<string, string> = {};
		for (const issue of parsed.error.issues)
			fields[String(issue.path[0] ?? 'body')] ??= issue.message;
		// Alone on a page (an upload without JavaScript) the message names its field.
		const [field, problem] = Object.entries(fields)[0]!;
		const message = m.harden_field_problem({ field: fieldLabel(field, null), problem });
		return { ok: false, status: 400, message, fields };
	}
	try {
		const attached = await attachEvidenceFiles(db, target.actor, {
			assessment,
			itemId: target.itemId,
			uploads: form.uploads,
			details: {
				effectiveOn: parsed.data.effective_on ?? todayInShanghai(),
				expiresOn: parsed.data.expires_on,
				replaces: parsed.data.replaces
			}
		});
		if (attached === 'final') {
			await discardEvidenceForm(db, form.uploads);
			const message = m.clients_err_final_locked();
			return { ok: false, status: 409, message, fields: { file: message } };
		}
		if (attached === 'unknown_file') {
			await discardEvidenceForm(db, form.uploads);
			const message = m.evidence_err_unknown_file();
			return { ok: false, status: 400, message, fields: { replaces: message } };
		}
		return { ok: true, files: attached };
	} catch (error) {
		await discardEvidenceForm(db, form.uploads);
		throw error;
	}
}
