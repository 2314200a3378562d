import type { Database } from '../db/connection';
import { audited, type Actor } from '../db/audited';
import { lockDeletedClient, type ClientRecord } from '../db/queries/clients';
import { listAllClientAssessments, moveClientAssessments } from '../db/queries/assessments';
import { deleteShelvedRow, listShelvedDeletedBefore, updateShelf } from '../db/queries/shelf';
import { redactClientAuditContent } from '../db/queries/audit-log';
import { listMembershipsOfAssessment } from '../db/queries/organisations';
import {
	movedAction,
	purgeAssessmentInTx,
	purgeDeletedBefore,
	purgeExpiredDeletions,
	recordMembersRemoved,
	shelfChange,
	type LifecycleMove
} from '../assessments/lifecycle';

/**
 * Archive a client (out of the default lists and pickers; its assessments stay as they are and
 * readable), restore it, or delete it: the client and every assessment of it not deleted yet, in
 * one transaction and at one instant. Restoring a deleted client brings back the assessments
 * deleted at that instant (with it), not those deleted on their own before. A move that does not
 * apply where the client stands is refused, unrecorded.
 */
export async function moveClientShelf(
	db: Database,
	actor: Actor,
	{ client, move, now = new Date() }: { client: ClientRecord; move: LifecycleMove; now?: Date }
): Promise<{ ok: true } | { ok: false; reason: 'wrong_shelf' }> {
	const change = shelfChange(client, move, now);
	if (change === null) return { ok: false, reason: 'wrong_shelf' };
	const owner = { orgId: client.orgId, clientId: client.id };
	// Deleting: those in use go at `now`; restoring a deleted client: those that went with it.
	const cascade =
		move === 'delete'
			? { from: null, to: now }
			: move === 'restore' && client.deletedAt
				? { from: client.deletedAt, to: null }
				: null;
	await audited(db, actor, async (tx) => {
		if (!(await updateShelf(tx, 'clients', { orgId: client.orgId, id: client.id }, change))) return;
		const moved = cascade ? await moveClientAssessments(tx, owner, cascade) : [];
		for (const { id } of moved)
			tx.record({
				action: movedAction('assessment', move),
				orgId: client.orgId,
				entity: { type: 'assessment', id },
				assessmentId: id,
				before: { deletedAt: cascade!.from },
				after: { deletedAt: cascade!.to, withClient: client.id }
			});
		tx.record({
			action: movedAction('client', move),
			orgId: client.orgId,
			entity: { type: 'client', id: client.id },
			before: { archivedAt: client.archivedAt, deletedAt: client.deletedAt },
			after: {
				archivedAt: 'archivedAt' in change ? change.archivedAt : client.archivedAt,
				deletedAt: change.deletedAt ?? null,
				assessments: moved.map((a) => a.id)
			}
		});
	});
	return { ok: true };
}

/**
 * Removes a deleted client for good, in one transaction: every assessment of it through the
 * assessment's own purge (evidence, answers, reports, its audit rows' content), then the client
 * row (its invitations, identity conflicts and the respondents reaching it go with it, the
 * latter recorded as `member.removed`), and the content of the client's own audit rows (name,
 * registered name, business scope, contact, notes; who did what when stays). False when the
 * client is not deleted (by then), or one of its assessments is in use: nothing is purged.
 */
export async function purgeClient(
	db: Database,
	actor: Actor,
	client: { id: string; orgId: string; deletedAt: Date | null }
): Promise<boolean> {
	const deletedBy = client.deletedAt;
	if (!deletedBy) return false;
	const row = { orgId: client.orgId, id: client.id, deletedBy };
	const owner = { orgId: client.orgId, clientId: client.id };
	return audited(db, actor, async (tx) => {
		// Locked: a restore racing the purge waits, or won before it and nothing is purged.
		if (!(await lockDeletedClient(tx, row))) return false;
		const assessments = await listAllClientAssessments(tx.db, owner);
		if (assessments.some((a) => a.deletedAt === null)) return false;
		for (const a of assessments) await purgeAssessmentInTx(tx, a);
		// The respondents reaching this client leave with it (their rows cascade): audited.
		recordMembersRemoved(
			tx,
			client.orgId,
			await listMembershipsOfAssessment(tx.db, owner),
			'client_purged'
		);
		if (!(await deleteShelvedRow(tx, 'clients', row)))
			throw new Error('client purge lost its lock');
		tx.record({
			action: 'client.purged',
			orgId: client.orgId,
			entity: { type: 'client', id: client.id },
			after: {
				assessmentsPurged: assessments.length,
				auditRowsRedacted: (await redactClientAuditContent(tx, client.id)).count
			}
		});
		return true;
	});
}

/**
 * The retention job: deleted clients, then deleted assessments, more than `graceDays` before
 * `now`, each purged by nobody (the schedule) in its own transaction. Clients first, so that a
 * client's assessments go in its own purge, with it. Answers the ids purged.
 */
export async function purgeExpired(
	db: Database,
	input: { now: Date; graceDays: number }
): Promise<{ assessments: string[]; clients: string[] }> {
	const clients = await purgeDeletedBefore(
		db,
		input,
		(db, cutoff) => listShelvedDeletedBefore(db, 'clients', cutoff),
		purgeClient
	);
	const assessments = await purgeExpiredDeletions(db, input);
	return { assessments, clients };
}
