import { sql } from 'kysely';
import { scopeProfile, type FirmIdentity } from '../../../domain/identity';
import type { Profile } from '../../../domain/profile';
import type { Database } from '../connection';
import type { AuditedTx } from '../audited';
import type { AssessmentState } from '../schema';
import {
	deleteShelvedRow,
	lockDeletedRow,
	listShelvedDeletedBefore,
	updateShelf,
	type Shelf,
	type ShelfChange
} from './shelf';

export interface AssessmentRecord {
	id: string;
	orgId: string;
	title: string;
	versionHash: string;
	profile: Profile;
	profileVersion: number;
	state: AssessmentState;
	clientId: string | null;
	previousAssessmentId: string | null;
	/** The identity frozen when the assessment was finalised; null while it is not final. */
	frozenIdentity: FirmIdentity | null;
	/** When the engagement should be done (YYYY-MM-DD); null when nobody set one. */
	dueDate: string | null;
	/** The consultant or owner who answers for the assessment; null when nobody is named. */
	responsibleUserId: string | null;
	/** Archived: left out of the default lists. */
	archivedAt: Date | null;
	/** Deleted: hidden everywhere until restored or purged. */
	deletedAt: Date | null;
	createdAt: Date;
	updatedAt: Date;
}

const columns = [
	'id',
	'org_id as orgId',
	'title',
	'version_hash as versionHash',
	'profile',
	'profile_version as profileVersion',
	'state',
	'client_id as clientId',
	'previous_assessment_id as previousAssessmentId',
	'frozen_identity as frozenIdentity',
	sql<string | null>`to_char(due_date, 'YYYY-MM-DD')`.as('dueDate'),
	'responsible_user_id as responsibleUserId',
	'archived_at as archivedAt',
	'deleted_at as deletedAt',
	'created_at as createdAt',
	'updated_at as updatedAt'
] as const;

const parseJson = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

function toRecord(
	row: Omit<AssessmentRecord, 'profile' | 'frozenIdentity'> & {
		profile: unknown;
		frozenIdentity: unknown;
	}
): AssessmentRecord {
	const frozen = parseJson(row.frozenIdentity) as Omit<FirmIdentity, 'source'> | null;
	return {
		...row,
		profile: (parseJson(row.profile) ?? {}) as Profile,
		frozenIdentity: frozen
			? {
					registeredName: frozen.registeredName ?? null,
					businessScope: frozen.businessScope ?? null,
					name: frozen.name,
					source: 'frozen'
				}
			: null
	};
}

export async function insertAssessment(
	tx: AuditedTx,
	a: {
		id: string;
		orgId: string;
		title: string;
		versionHash: string;
		createdBy: string | null;
		profile?: Profile;
		clientId?: string | null;
		previousAssessmentId?: string | null;
		/** 1 for a profile copied from elsewhere, so it counts as filled in. */
		profileVersion?: number;
	}
): Promise<void> {
	await tx.db
		.insertInto('assessments')
		.values({
			id: a.id,
			org_id: a.orgId,
			title: a.title,
			version_hash: a.versionHash,
			created_by: a.createdBy,
			client_id: a.clientId ?? null,
			previous_assessment_id: a.previousAssessmentId ?? null,
			// Never the identity: that lives on the client or organisation (domain/identity.ts).
			profile: JSON.stringify(scopeProfile(a.profile ?? {})),
			profile_version: a.profileVersion
		})
		.execute();
}

/**
 * Scoped by organisation: another organisation's assessment is simply not found, and so is a
 * deleted one, unless `includeDeleted` (its restore and purge).
 */
export async function findAssessment(
	db: Database,
	scope: { orgId: string; id: string; includeDeleted?: boolean }
): Promise<AssessmentRecord | null> {
	let query = db
		.selectFrom('assessments')
		.select(columns)
		.where('org_id', '=', scope.orgId)
		.where('id', '=', scope.id);
	if (!scope.includeDeleted) query = query.where('deleted_at', 'is', null);
	const row = await query.executeTakeFirst();
	return row ? toRecord(row) : null;
}

/** Where an assessment stands in its life: in use, archived, or deleted (awaiting its purge). */
export type AssessmentShelf = Shelf;

/**
 * The organisation's assessments on one shelf (in use unless said), newest first; narrowed to one
 * client or one assessment.
 */
export async function listAssessments(
	db: Database,
	scope: { orgId: string; clientId?: string; id?: string; shelf?: AssessmentShelf }
): Promise<AssessmentRecord[]> {
	let query = db.selectFrom('assessments').select(columns).where('org_id', '=', scope.orgId);
	const shelf = scope.shelf ?? 'active';
	if (shelf === 'deleted') query = query.where('deleted_at', 'is not', null);
	else
		query = query
			.where('deleted_at', 'is', null)
			.where('archived_at', shelf === 'archived' ? 'is not' : 'is', null);
	if (scope.clientId !== undefined) query = query.where('client_id', '=', scope.clientId);
	if (scope.id !== undefined) query = query.where('id', '=', scope.id);
	const rows = await query.orderBy('created_at', 'desc').orderBy('id').execute();
	return rows.map(toRecord);
}

/** Saves the profile if nobody saved it since `expectedVersion`; answers the new version or null. */
export async function updateProfile(
	tx: AuditedTx,
	scope: { orgId: string; id: string },
	profile: Profile,
	expectedVersion: number
): Promise<number | null> {
	const row = await tx.db
		.updateTable('assessments')
		.set({
			profile: JSON.stringify(scopeProfile(profile)),
			profile_version: sql`profile_version + 1`,
			updated_at: new Date()
		})
		.where('org_id', '=', scope.orgId)
		.where('id', '=', scope.id)
		.where('profile_version', '=', expectedVersion)
		.returning('profile_version')
		.executeTakeFirst();
	return row?.profile_version ?? null;
}

/** Freezes the identity on the assessment (finalising) or clears the copy (null: re-opening). */
export async function setFrozenIdentity(
	tx: AuditedTx,
	scope: { orgId: string; id: string },
	identity: Omit<FirmIdentity, 'source'> | null
): Promise<void> {
	await tx.db
		.updateTable('assessments')
		.set({
			frozen_identity: identity
				? JSON.stringify({
						registeredName: identity.registeredName,
						businessScope: identity.businessScope,
						name: identity.name
					})
				: null
		})
		.where('org_id', '=', scope.orgId)
		.where('id', '=', scope.id)
		.execute();
}

/**
 * First thing in a transaction that writes to an assessment: false when it is final. The row is
 * then locked until the transaction ends, so a finalisation racing the write waits for it, and a
 * write that waited for a finalisation sees it (PostgreSQL re-checks the condition on the row it
 * waited for). A check made before the transaction began (as the request starts, while an upload
 * is still arriving) can promise neither. Writes to one assessment take turns here: each later
 * marks the assessment changed, and two holding a shared lock each would wait for the other's.
 */
export async function lockOpenAssessment(tx: AuditedTx, id: string): Promise<boolean> {
	const row = await tx.db
		.selectFrom('assessments')
		.select('id')
		.where('id', '=', id)
		.where('state', '!=', 'final')
		.forUpdate()
		.executeTakeFirst();
	return row !== undefined;
}

export async function touchAssessment(tx: AuditedTx, id: string): Promise<void> {
	await tx.db
		.updateTable('assessments')
		.set({ updated_at: new Date() })
		.where('id', '=', id)
		.execute();
}

/** The name of whoever started the assessment; null once that account is gone. */
export async function findCreatorName(db: Database, assessmentId: string): Promise<string | null> {
	const row = await db
		.selectFrom('assessments as a')
		.innerJoin('users as u', 'u.id', 'a.created_by')
		.select('u.name')
		.where('a.id', '=', assessmentId)
		.executeTakeFirst();
	return row?.name ?? null;
}

/** Moves the assessment to another questionnaire version, if it is still on `fromHash`. */
export async function updateAssessmentVersion(
	tx: AuditedTx,
	scope: { orgId: string; id: string },
	fromHash: string,
	toHash: string
): Promise<boolean> {
	const result = await tx.db
		.updateTable('assessments')
		.set({ version_hash: toHash, updated_at: new Date() })
		.where('org_id', '=', scope.orgId)
		.where('id', '=', scope.id)
		.where('version_hash', '=', fromHash)
		.where('state', '!=', 'final')
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Moves the assessment from one state to another; false when it was not in `from` any more. */
export async function updateAssessmentState(
	tx: AuditedTx,
	scope: { orgId: string; id: string },
	from: AssessmentState,
	to: AssessmentState
): Promise<boolean> {
	const result = await tx.db
		.updateTable('assessments')
		.set({ state: to, updated_at: new Date() })
		.where('org_id', '=', scope.orgId)
		.where('id', '=', scope.id)
		.where('state', '=', from)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Each client's newest assessment: one query for the whole organisation. */
export async function listLatestClientAssessments(
	db: Database,
	scope: { orgId: string }
): Promise<AssessmentRecord[]> {
	const rows = await db
		.selectFrom('assessments')
		.distinctOn('client_id')
		.select(columns)
		.where('org_id', '=', scope.orgId)
		.where('client_id', 'is not', null)
		.where('archived_at', 'is', null)
		.where('deleted_at', 'is', null)
		.orderBy('client_id')
		// "Latest" is the one worked on last, not the one created last.
		.orderBy('updated_at', 'desc')
		.orderBy('created_at', 'desc')
		.orderBy('id')
		.execute();
	return rows.map(toRecord);
}

/** How many of each client's assessments wait for review. */
export async function countInReviewByClient(
	db: Database,
	scope: { orgId: string }
): Promise<Map<string, number>> {
	const rows = await db
		.selectFrom('assessments')
		.select(['client_id as clientId', sql<number>`cast(count(*) as integer)`.as('n')])
		.where('org_id', '=', scope.orgId)
		.where('state', '=', 'in_review')
		.where('client_id', 'is not', null)
		.where('archived_at', 'is', null)
		.where('deleted_at', 'is', null)
		.groupBy('client_id')
		.execute();
	return new Map(rows.map((r) => [r.clientId!, r.n]));
}

/** Sets the due date and the responsible person; answers whether the assessment was there. */
export async function updateAssessmentSchedule(
	tx: AuditedTx,
	scope: { orgId: string; id: string },
	schedule: { dueDate: string | null; responsibleUserId: string | null }
): Promise<boolean> {
	const result = await tx.db
		.updateTable('assessments')
		.set({ due_date: schedule.dueDate, responsible_user_id: schedule.responsibleUserId })
		.where('org_id', '=', scope.orgId)
		.where('id', '=', scope.id)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Archives or restores (null), deletes or undeletes (null) the assessment; answers whether it changed. */
export function updateAssessmentShelf(
	tx: AuditedTx,
	scope: { orgId: string; id: string },
	change: ShelfChange
): Promise<boolean> {
	return updateShelf(tx, 'assessments', scope, change);
}

/**
 * Deletes the assessment row for good; its answers, reviews, comments, parts, reports and the
 * memberships scoped to it go with it (foreign keys cascade). Evidence files must be released
 * first (they do not cascade, so their blobs' reference counts stay right). Only a deleted
 * assessment, deleted by then: one restored (or deleted again) since it was read is not purged.
 */
/** First thing in an assessment's purge: see `lockDeletedRow`. */
export function lockDeletedAssessment(
	tx: AuditedTx,
	scope: { orgId: string; id: string; deletedBy: Date }
): Promise<boolean> {
	return lockDeletedRow(tx, 'assessments', scope);
}

export function deleteAssessmentRow(
	tx: AuditedTx,
	scope: { orgId: string; id: string; deletedBy: Date }
): Promise<boolean> {
	return deleteShelvedRow(tx, 'assessments', scope);
}

/** Every organisation's assessments deleted before `cutoff`: due for their purge. */
export function listDeletedBefore(
	db: Database,
	cutoff: Date
): Promise<{ id: string; orgId: string }[]> {
	return listShelvedDeletedBefore(db, 'assessments', cutoff);
}

/**
 * A client's deletion or restore reaching its assessments: deleting (`to` a moment), every one not
 * deleted yet is deleted at the client's instant; restoring (`from` that instant, `to` null), those
 * deleted with it come back, and those deleted on their own before stay. Answers those moved.
 */
export async function moveClientAssessments(
	tx: AuditedTx,
	scope: { orgId: string; clientId: string },
	change: { from: Date | null; to: Date | null }
): Promise<{ id: string }[]> {
	return tx.db
		.updateTable('assessments')
		.set({ deleted_at: change.to })
		.where('org_id', '=', scope.orgId)
		.where('client_id', '=', scope.clientId)
		.where('deleted_at', change.from === null ? 'is' : '=', change.from)
		.returning('id')
		.execute();
}

/** Every assessment of a client, whatever its shelf: what its purge removes. */
export async function listAllClientAssessments(
	db: Database,
	scope: { orgId: string; clientId: string }
): Promise<{ id: string; orgId: string; deletedAt: Date | null }[]> {
	return db
		.selectFrom('assessments')
		.select(['id', 'org_id as orgId', 'deleted_at as deletedAt'])
		.where('org_id', '=', scope.orgId)
		.where('client_id', '=', scope.clientId)
		.execute();
}
