import { error, json, redirect, type RequestEvent } from '@sveltejs/kit';
import { requireAssessment } from '../guards/assessment';
import { runtime } from '../runtime';
import { findAssessmentEvidenceFile } from '../../evidence/files';
import { evidenceFileResponse } from '../downloads/evidence';
import { evidenceItem, requireEvidenceItem } from './item';
import { receiveEvidence } from './receive';

type ItemEvent = RequestEvent<{ orgId: string; assessmentId: string; itemId: string }>;
type FileEvent = RequestEvent<{ orgId: string; assessmentId: string; fileId: string }>;

const wantsJson = (event: RequestEvent) =>
	(event.request.headers.get('accept') ?? '').includes('application/json');

/**
 * POST evidence files to an item: from the page's script (JSON back) or a plain form post without
 * JavaScript (back to the item page, the outcome in the query). Only those who may edit the answer.
 */
export async function uploadEvidenceEndpoint(event: ItemEvent): Promise<Response> {
	const { assessment, membership, actor } = await requireAssessment(
		event,
		event.params.orgId,
		event.params.assessmentId,
		'edit'
	);
	const item = await requireEvidenceItem(membership, assessment, event.params.itemId);
	const result = await receiveEvidence(event.request, {
		db: runtime().db,
		actor,
		assessment,
		itemId: item.id
	});
	const page = `/o/${assessment.orgId}/assessments/${assessment.id}/items/${item.id}`;
	if (wantsJson(event))
		return result.ok
			? json({ files: result.files }, { status: 201 })
			: json(
					{ error: { message: result.message, fields: result.fields } },
					{ status: result.status }
				);
	if (result.ok) redirect(303, `${page}?evidence=uploaded#evidence`);
	// A refused upload without JavaScript: the message in the reader's language, with the way back.
	return new Response(result.message, {
		status: result.status,
		headers: { 'content-type': 'text/plain; charset=utf-8', connection: 'close' }
	});
}

/** GET one evidence file: for those who can see its answer (a respondent: their domains only). */
export async function downloadEvidenceEndpoint(event: FileEvent): Promise<Response> {
	const { assessment, membership } = await requireAssessment(
		event,
		event.params.orgId,
		event.params.assessmentId,
		'view'
	);
	const db = runtime().db;
	const file = await findAssessmentEvidenceFile(db, assessment, event.params.fileId);
	if (!file || !(await evidenceItem(membership, assessment, file.itemId))) error(404, 'Not found');
	return evidenceFileResponse(db, file);
}
