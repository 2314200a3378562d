import { m } from '$lib/paraglide/messages';
import type { AssessmentRecord } from '../../db/queries/assessments';
import {
	findAssessmentEvidenceFile,
	itemEvidenceFiles,
	type EvidenceFileRecord
} from '../../evidence/files';
import { evidenceFileResponse } from '../downloads/evidence';
import { evidenceItem } from '../evidence/item';
import { receiveEvidence } from '../evidence/receive';
import type { ApiContext } from './endpoint';
import { ApiError, notFound } from './http';

function evidenceFileJson(f: EvidenceFileRecord) {
	return {
		id: f.id,
		item_id: f.itemId,
		lineage_id: f.lineageId,
		version: f.version,
		file_name: f.fileName,
		content_type: f.contentType,
		size: f.size,
		sha256: f.sha256,
		uploaded_by: f.uploadedBy,
		uploaded_at: new Date(f.uploadedAt).toISOString(),
		effective_on: f.effectiveOn,
		expires_on: f.expiresOn,
		review_status: f.reviewStatus,
		needs_reconfirmation: f.needsReconfirmation
	};
}

async function requireApiItem(api: ApiContext, assessment: AssessmentRecord, itemId: string) {
	const item = await evidenceItem(api.membership, assessment, itemId);
	if (!item) throw notFound();
	return item;
}

export async function listApiEvidence(
	api: ApiContext,
	assessment: AssessmentRecord,
	itemId: string
) {
	const item = await requireApiItem(api, assessment, itemId);
	const files = await itemEvidenceFiles(api.db, assessment, item.id);
	return { files: files.map(evidenceFileJson) };
}

export async function uploadApiEvidence(
	api: ApiContext,
	request: Request,
	assessment: AssessmentRecord,
	itemId: string
) {
	const item = await requireApiItem(api, assessment, itemId);
	if (assessment.state === 'final')
		throw new ApiError(409, 'assessment_final', m.api_err_assessment_final());
	const result = await receiveEvidence(request, {
		db: api.db,
		actor: api.actor,
		assessment,
		itemId: item.id
	});
	if (!result.ok)
		throw new ApiError(
			result.status,
			{ 413: 'too_large', 409: 'assessment_final', 400: 'invalid_body' }[result.status],
			result.message,
			result.fields
		);
	return {
		files: result.files.map((f) => ({
			id: f.id,
			file_name: f.fileName,
			size: f.size,
			sha256: f.sha256,
			version: f.version
		}))
	};
}

export async function downloadApiEvidence(
	api: ApiContext,
	assessment: AssessmentRecord,
	fileId: string
): Promise<Response> {
	const file = await findAssessmentEvidenceFile(api.db, assessment, fileId);
	if (!file) throw notFound();
	await requireApiItem(api, assessment, file.itemId);
	return evidenceFileResponse(api.db, file);
}
