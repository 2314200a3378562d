import { sql } from 'kysely';
import type { Database } from '../connection';
import { REDACTED, type AuditedTx } from '../audited';

export interface AuditEntry {
	id: number;
	action: string;
	itemId: string | null;
	actorName: string | null;
	oldValue: unknown;
	newValue: unknown;
	at: Date;
}

const entryColumns = [
	'a.id',
	'a.action',
	'a.item_id as itemId',
	'u.name as actorName',
	'a.old_value as oldValue',
	'a.new_value as newValue',
	'a.at'
] as const;

const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);

export async function listAuditEntries(
	db: Database,
	scope: { orgId: string; assessmentId: string; itemId?: string }
): Promise<AuditEntry[]> {
	let query = db
		.selectFrom('audit_log as a')
		.leftJoin('users as u', 'u.id', 'a.actor_id')
		.select(entryColumns)
		.where('a.org_id', '=', scope.orgId)
		.where('a.assessment_id', '=', scope.assessmentId);
	if (scope.itemId) query = query.where('a.item_id', '=', scope.itemId);
	const rows = await query.orderBy('a.at', 'desc').orderBy('a.id', 'desc').limit(200).execute();
	return rows.map((r) => ({ ...r, oldValue: parse(r.oldValue), newValue: parse(r.newValue) }));
}

/**
 * One page of the assessment's audit rows, newest first, for the activity feed: only rows of the
 * items named (and the assessment's own, item-less rows) when `itemIds` is given, filtered here so
 * that a page is full whatever the filter; `before` (a row id) starts the page after that row,
 * ordered by time then id (keyset: stable while new rows arrive). Answers `limit + 1` rows at most,
 * so the caller knows whether an older page exists.
 */
export async function listActivityEntries(
	db: Database,
	scope: {
		orgId: string;
		assessmentId: string;
		itemIds: string[] | null;
		before: number | null;
		limit: number;
	}
): Promise<Omit<AuditEntry, 'oldValue' | 'newValue'>[]> {
	let query = db
		.selectFrom('audit_log as a')
		.leftJoin('users as u', 'u.id', 'a.actor_id')
		.select(['a.id', 'a.action', 'a.item_id as itemId', 'u.name as actorName', 'a.at'])
		.where('a.org_id', '=', scope.orgId)
		.where('a.assessment_id', '=', scope.assessmentId);
	const itemIds = scope.itemIds;
	if (itemIds)
		query = query.where((eb) =>
			itemIds.length === 0
				? eb('a.item_id', 'is', null)
				: eb.or([eb('a.item_id', 'is', null), eb('a.item_id', 'in', itemIds)])
		);
	if (scope.before !== null)
		query = query.where(
			sql<boolean>`(a.at, a.id) < (select b.at, b.id from audit_log b where b.id = ${scope.before} and b.assessment_id = ${scope.assessmentId})`
		);
	return query
		.orderBy('a.at', 'desc')
		.orderBy('a.id', 'desc')
		.limit(scope.limit + 1)
		.execute();
}

/** The assessment's own history (created, submitted, sent back, finalised, re-opened), newest first. */
export async function listAssessmentEvents(
	db: Database,
	scope: { orgId: string; assessmentId: string }
): Promise<AuditEntry[]> {
	const rows = await db
		.selectFrom('audit_log as a')
		.leftJoin('users as u', 'u.id', 'a.actor_id')
		.select(entryColumns)
		.where('a.org_id', '=', scope.orgId)
		.where('a.assessment_id', '=', scope.assessmentId)
		.where('a.item_id', 'is', null)
		.where('a.action', 'like', 'assessment.%')
		.orderBy('a.at', 'desc')
		.orderBy('a.id', 'desc')
		.limit(200)
		.execute();
	return rows.map((r) => ({ ...r, oldValue: parse(r.oldValue), newValue: parse(r.newValue) }));
}

/**
 * Replaces the content (old and new values) of the assessment's rows with a marker; who, what and
 * when stay. Answers the organisations the rows were in and how many were redacted.
 */
export function redactAssessmentAuditContent(
	tx: AuditedTx,
	assessmentId: string
): Promise<{ orgIds: string[]; count: number }> {
	return redactAuditContent(tx, { assessmentId });
}

/** The same for the rows about a client itself (created, updated, its identity, its lifecycle). */
export function redactClientAuditContent(
	tx: AuditedTx,
	clientId: string
): Promise<{ orgIds: string[]; count: number }> {
	return redactAuditContent(tx, { clientId });
}

async function redactAuditContent(
	tx: AuditedTx,
	of: { assessmentId: string } | { clientId: string }
): Promise<{ orgIds: string[]; count: number }> {
	const marker = JSON.stringify(REDACTED);
	let query = tx.db
		.updateTable('audit_log')
		.set({
			old_value: sql`case when old_value is null then null else ${marker}::jsonb end`,
			new_value: sql`case when new_value is null then null else ${marker}::jsonb end`,
			redacted_at: new Date()
		})
		.where('redacted_at', 'is', null);
	query =
		'assessmentId' in of
			? query.where('assessment_id', '=', of.assessmentId)
			: query.where('entity_type', '=', 'client').where('entity_id', '=', of.clientId);
	const rows = await query.returning('org_id').execute();
	const orgIds = [...new Set(rows.flatMap((r) => (r.org_id ? [r.org_id] : [])))];
	return { orgIds, count: rows.length };
}
