import { audited, type Actor } from '../db/audited';
import type { Database } from '../db/connection';
import type { AssessmentRecord } from '../db/queries/assessments';
import { insertEvidenceRequest, listEvidenceRequests } from '../db/queries/evidence-files';
import type { EvidenceRequest } from '../../domain/evidence';
import { notifyEvidenceRequested, type NotifyOptions } from '../notifications/notify';

/** A reviewer asks for specific evidence on an item, by a date; audited. */
export async function requestEvidence(
	db: Database,
	actor: Actor,
	input: {
		assessment: AssessmentRecord;
		itemId: string;
		description: string;
		dueOn: string | null;
		/** Tell the respondents who answer the item (the web passes its origin for links). */
		notify?: NotifyOptions;
	}
): Promise<string> {
	const { assessment } = input;
	const id = crypto.randomUUID();
	await audited(db, actor, async (tx) => {
		await insertEvidenceRequest(tx, {
			id,
			orgId: assessment.orgId,
			assessmentId: assessment.id,
			itemId: input.itemId,
			description: input.description,
			dueOn: input.dueOn,
			requestedBy: actor.userId
		});
		tx.record({
			action: 'evidence.requested',
			orgId: assessment.orgId,
			entity: { type: 'evidence_request', id },
			assessmentId: assessment.id,
			itemId: input.itemId,
			after: { description: input.description, dueOn: input.dueOn }
		});
		if (input.notify)
			await notifyEvidenceRequested(tx, {
				assessment,
				itemId: input.itemId,
				description: input.description,
				dueOn: input.dueOn,
				notify: input.notify
			});
	});
	return id;
}

export function itemEvidenceRequests(
	db: Database,
	assessment: Pick<AssessmentRecord, 'id'>,
	itemId: string
): Promise<EvidenceRequest[]> {
	return listEvidenceRequests(db, { assessmentId: assessment.id, itemId });
}

/** The assessment's requests, open ones first by due date: the respondent's to-do list. */
export async function assessmentEvidenceRequests(
	db: Database,
	assessment: Pick<AssessmentRecord, 'id'>
): Promise<EvidenceRequest[]> {
	const all = await listEvidenceRequests(db, { assessmentId: assessment.id });
	const key = (r: EvidenceRequest) =>
		`${r.fulfilledAt ? 1 : 0}${r.dueOn ?? '9999-99-99'}${r.requestedAt.toISOString()}`;
	return all.sort((a, b) => key(a).localeCompare(key(b)));
}
