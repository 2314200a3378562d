import type { Database } from '../db/connection';
import { audited, type Actor } from '../db/audited';
import {
	deleteAssessmentRow,
	listDeletedBefore,
	updateAssessmentShelf,
	type AssessmentRecord
} from '../db/queries/assessments';
import { redactAssessmentAuditContent } from '../db/queries/audit-log';
import { listMembershipsOfAssessment } from '../db/queries/organisations';
import { releaseEvidenceInTx } from '../evidence/purge';

/** Days a deleted assessment waits before its purge (DELETION_GRACE_DAYS overrides). */
export const DELETION_GRACE_DAYS = 30;

export type LifecycleMove = 'archive' | 'restore' | 'delete';
export type LifecycleResult = { ok: true } | { ok: false; reason: 'wrong_shelf' };

const scopeOf = (a: AssessmentRecord) => ({ orgId: a.orgId, id: a.id });

/**
 * Archive (out of the default lists), restore (back from the archive or from deletion) or delete
 * (hidden everywhere, purged after the grace period). A move that does not apply to where the
 * assessment stands (archiving an archived one, restoring one in use) is refused, unrecorded.
 */
export async function moveAssessmentShelf(
	db: Database,
	actor: Actor,
	input: { assessment: AssessmentRecord; move: LifecycleMove; now?: Date }
): Promise<LifecycleResult> {
	const { assessment, move } = input;
	const now = input.now ?? new Date();
	const archived = assessment.archivedAt !== null;
	const deleted = assessment.deletedAt !== null;
	const change =
		move === 'archive' && !archived && !deleted
			? { archivedAt: now }
			: move === 'delete' && !deleted
				? { deletedAt: now }
				: move === 'restore' && (archived || deleted)
					? { archivedAt: null, deletedAt: null }
					: null;
	if (!change) return { ok: false, reason: 'wrong_shelf' };
	await audited(db, actor, async (tx) => {
		if (!(await updateAssessmentShelf(tx, scopeOf(assessment), change))) return;
		tx.record({
			action: `assessment.${move === 'delete' ? 'deleted' : move === 'archive' ? 'archived' : 'restored'}`,
			orgId: assessment.orgId,
			entity: { type: 'assessment', id: assessment.id },
			assessmentId: assessment.id,
			before: { archivedAt: assessment.archivedAt, deletedAt: assessment.deletedAt },
			after: {
				archivedAt: 'archivedAt' in change ? change.archivedAt : assessment.archivedAt,
				deletedAt: change.deletedAt ?? null
			}
		});
	});
	return { ok: true };
}

/**
 * Removes a deleted assessment for good, in one transaction: its evidence files first (each blob
 * no other file of the organisation references goes with its chunks), then the assessment and
 * everything that cascades from it (answers, reviews, comments, parts, cached and issued
 * reports), and the content of its audit rows (who did what when stays, the content goes). The
 * purge's own row names the assessment's id only; each respondent whose reach was this assessment
 * alone loses their membership with it, recorded as `member.removed`. False when it is not
 * deleted (or gone).
 */
export async function purgeAssessment(
	db: Database,
	actor: Actor,
	assessment: { id: string; orgId: string; deletedAt: Date | null }
): Promise<boolean> {
	const deletedBy = assessment.deletedAt;
	if (!deletedBy) return false;
	return audited(db, actor, async (tx) => {
		const evidence = await releaseEvidenceInTx(tx, assessment);
		// Members whose reach is this assessment alone leave with it (the row cascades): audited.
		const reachingOnly = await listMembershipsOfAssessment(tx.db, {
			orgId: assessment.orgId,
			assessmentId: assessment.id
		});
		// A restore racing the purge (or the retention job's list) wins: nothing is purged.
		if (!(await deleteAssessmentRow(tx, { ...assessment, deletedBy }))) return false;
		for (const member of reachingOnly)
			tx.record({
				action: 'member.removed',
				orgId: assessment.orgId,
				entity: { type: 'member', id: member.userId },
				before: {
					role: member.role,
					clientId: member.clientId,
					assessmentId: member.assessmentId,
					domains: member.domains
				},
				after: { reason: 'assessment_purged' }
			});
		const { count } = await redactAssessmentAuditContent(tx, assessment.id);
		tx.record({
			action: 'assessment.purged',
			orgId: assessment.orgId,
			entity: { type: 'assessment', id: assessment.id },
			assessmentId: assessment.id,
			after: {
				evidenceFiles: evidence.files,
				evidenceBlobs: evidence.blobs,
				auditRowsRedacted: count
			}
		});
		return true;
	});
}

/**
 * The retention job: purges every assessment deleted more than `graceDays` before `now`, by
 * nobody (the schedule). Answers the ids purged.
 */
export async function purgeExpiredDeletions(
	db: Database,
	input: { now: Date; graceDays: number }
): Promise<string[]> {
	const cutoff = new Date(input.now.getTime() - input.graceDays * 86400_000);
	const purged: string[] = [];
	for (const a of await listDeletedBefore(db, cutoff))
		if (await purgeAssessment(db, { userId: null }, { ...a, deletedAt: cutoff })) purged.push(a.id);
	return purged;
}

/** When a deleted assessment will be purged by the retention job. */
export function purgeDueAt(deletedAt: Date, graceDays: number): Date {
	return new Date(deletedAt.getTime() + graceDays * 86400_000);
}
