import type { Database } from '../db/connection';
import { audited, type Actor, type AuditedTx } from '../db/audited';
import {
	deleteAssessmentRow,
	lockDeletedAssessment,
	listDeletedBefore,
	updateAssessmentShelf,
	type AssessmentRecord
} from '../db/queries/assessments';
import { redactAssessmentAuditContent } from '../db/queries/audit-log';
import { findClient } from '../db/queries/clients';
import { listMembershipsOfAssessment } from '../db/queries/organisations';
import { releaseEvidenceInTx } from '../evidence/purge';

/** Days a deleted assessment waits before its purge (DELETION_GRACE_DAYS overrides). */
export const DELETION_GRACE_DAYS = 30;

export type LifecycleMove = 'archive' | 'restore' | 'delete';
export type LifecycleResult =
	{ ok: true } | { ok: false; reason: 'wrong_shelf' } | { ok: false; reason: 'client_deleted' };

const scopeOf = (a: AssessmentRecord) => ({ orgId: a.orgId, id: a.id });

/** What a move changes on a record (an assessment or a client) where it stands; null: it does not apply. */
export function shelfChange(
	record: { archivedAt: Date | null; deletedAt: Date | null },
	move: LifecycleMove,
	now: Date
): { archivedAt?: Date | null; deletedAt?: Date | null } | null {
	const archived = record.archivedAt !== null;
	const deleted = record.deletedAt !== null;
	return move === 'archive' && !archived && !deleted
		? { archivedAt: now }
		: move === 'delete' && !deleted
			? { deletedAt: now }
			: move === 'restore' && (archived || deleted)
				? { archivedAt: null, deletedAt: null }
				: null;
}

/** The audit action of a move (literals, so the activity labels' test finds each). */
const MOVED = {
	assessment: {
		archive: 'assessment.archived',
		restore: 'assessment.restored',
		delete: 'assessment.deleted'
	},
	client: { archive: 'client.archived', restore: 'client.restored', delete: 'client.deleted' }
} as const;
export const movedAction = (entity: 'assessment' | 'client', move: LifecycleMove) =>
	MOVED[entity][move];

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
	const change = shelfChange(assessment, move, input.now ?? new Date());
	if (!change) return { ok: false, reason: 'wrong_shelf' };
	return audited(db, actor, async (tx): Promise<LifecycleResult> => {
		// An assessment of a deleted client comes back with its client only (the client's restore).
		if (
			move === 'restore' &&
			assessment.clientId &&
			!(await findClient(tx.db, { orgId: assessment.orgId, id: assessment.clientId }))
		)
			return { ok: false, reason: 'client_deleted' };
		if (!(await updateAssessmentShelf(tx, scopeOf(assessment), change))) return { ok: true };
		tx.record({
			action: movedAction('assessment', move),
			orgId: assessment.orgId,
			entity: { type: 'assessment', id: assessment.id },
			assessmentId: assessment.id,
			before: { archivedAt: assessment.archivedAt, deletedAt: assessment.deletedAt },
			after: {
				archivedAt: 'archivedAt' in change ? change.archivedAt : assessment.archivedAt,
				deletedAt: change.deletedAt ?? null
			}
		});
		return { ok: true };
	});
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
export function purgeAssessment(
	db: Database,
	actor: Actor,
	assessment: { id: string; orgId: string; deletedAt: Date | null }
): Promise<boolean> {
	return audited(db, actor, (tx) => purgeAssessmentInTx(tx, assessment));
}

/** The same inside the caller's audited transaction (a client's purge, which takes all of them). */
export async function purgeAssessmentInTx(
	tx: AuditedTx,
	assessment: { id: string; orgId: string; deletedAt: Date | null }
): Promise<boolean> {
	const deletedBy = assessment.deletedAt;
	if (!deletedBy) return false;
	// A restore racing the purge (or the retention job's list) wins before anything is released.
	if (!(await lockDeletedAssessment(tx, { ...assessment, deletedBy }))) return false;
	const evidence = await releaseEvidenceInTx(tx, assessment);
	// Members whose reach is this assessment alone leave with it (the row cascades): audited.
	const reachingOnly = await listMembershipsOfAssessment(tx.db, {
		orgId: assessment.orgId,
		assessmentId: assessment.id
	});
	if (!(await deleteAssessmentRow(tx, { ...assessment, deletedBy })))
		throw new Error('assessment purge lost its lock');
	recordMembersRemoved(tx, assessment.orgId, reachingOnly, 'assessment_purged');
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
}

/** Records, as `member.removed`, the memberships a purge takes with it (their rows cascade). */
export function recordMembersRemoved(
	tx: AuditedTx,
	orgId: string,
	members: Awaited<ReturnType<typeof listMembershipsOfAssessment>>,
	reason: 'assessment_purged' | 'client_purged'
): void {
	for (const member of members)
		tx.record({
			action: 'member.removed',
			orgId,
			entity: { type: 'member', id: member.userId },
			before: {
				role: member.role,
				clientId: member.clientId,
				assessmentId: member.assessmentId,
				domains: member.domains
			},
			after: { reason }
		});
}

/**
 * The retention job: purges every assessment deleted more than `graceDays` before `now`, by
 * nobody (the schedule). Answers the ids purged.
 */
export function purgeExpiredDeletions(
	db: Database,
	input: { now: Date; graceDays: number }
): Promise<string[]> {
	return purgeDeletedBefore(db, input, listDeletedBefore, purgeAssessment);
}

/** Purges, by nobody (the schedule), each record `list` finds deleted before the grace period. */
export async function purgeDeletedBefore(
	db: Database,
	input: { now: Date; graceDays: number },
	list: (db: Database, cutoff: Date) => Promise<{ id: string; orgId: string }[]>,
	purge: (
		db: Database,
		actor: Actor,
		record: { id: string; orgId: string; deletedAt: Date }
	) => Promise<boolean>
): Promise<string[]> {
	const cutoff = new Date(input.now.getTime() - input.graceDays * 86400_000);
	const purged: string[] = [];
	for (const r of await list(db, cutoff))
		if (await purge(db, { userId: null }, { ...r, deletedAt: cutoff })) purged.push(r.id);
	return purged;
}

/** When a deleted assessment will be purged by the retention job. */
export function purgeDueAt(deletedAt: Date, graceDays: number): Date {
	return new Date(deletedAt.getTime() + graceDays * 86400_000);
}
