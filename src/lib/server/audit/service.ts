import type { Database } from '../db/connection';
import { audited, type Actor } from '../db/audited';
import type { AssessmentRecord } from '../db/queries/assessments';
import {
	listAssessmentEvents,
	listAuditEntries,
	redactAssessmentAuditContent,
	type AuditEntry
} from '../db/queries/audit-log';

/** The assessment's own history (created, submitted, sent back, finalised, re-opened), newest first. */
export function assessmentEvents(
	db: Database,
	assessment: AssessmentRecord
): Promise<AuditEntry[]> {
	return listAssessmentEvents(db, { orgId: assessment.orgId, assessmentId: assessment.id });
}

/** The saves of one item's answer, newest first, each with what it replaced. */
export async function answerHistory(
	db: Database,
	assessment: AssessmentRecord,
	itemId: string
): Promise<AuditEntry[]> {
	const entries = await listAuditEntries(db, {
		orgId: assessment.orgId,
		assessmentId: assessment.id,
		itemId
	});
	return entries.filter((e) => e.action === 'answer.saved');
}

/**
 * For a purge of the assessment: the content its audit rows hold (answers, notes, profile, comments
 * as they were before and after each change) is replaced with a marker; who did what, when, stays.
 * The redaction is itself audited. Answers how many rows were redacted.
 */
export async function redactAuditForAssessment(
	db: Database,
	assessmentId: string,
	actor: Actor = { userId: null }
): Promise<number> {
	return audited(db, actor, async (tx) => {
		const { orgIds, count } = await redactAssessmentAuditContent(tx, assessmentId);
		for (const orgId of orgIds)
			tx.record({
				action: 'audit.redacted',
				orgId,
				entity: { type: 'assessment', id: assessmentId },
				assessmentId,
				after: { rows: count }
			});
		return count;
	});
}
