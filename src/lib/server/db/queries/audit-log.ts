import type { Database } from '../connection';

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

export async function insertAuditEntry(
	db: Database,
	e: {
		orgId: string;
		assessmentId: string | null;
		itemId: string | null;
		actorId: string | null;
		action: string;
		oldValue: unknown;
		newValue: unknown;
	}
): Promise<void> {
	await db
		.insertInto('audit_log')
		.values({
			org_id: e.orgId,
			assessment_id: e.assessmentId,
			item_id: e.itemId,
			actor_id: e.actorId,
			action: e.action,
			old_value:
				e.oldValue === null || e.oldValue === undefined ? null : JSON.stringify(e.oldValue),
			new_value: e.newValue === null || e.newValue === undefined ? null : JSON.stringify(e.newValue)
		})
		.execute();
}

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
