import type { Database } from '../connection';
import type { AuditedTx } from '../audited';
import type { AssessmentState, IdentityFieldName } from '../schema';

export interface IdentityConflictRow {
	id: string;
	orgId: string;
	assessmentId: string;
	assessmentTitle: string;
	assessmentState: AssessmentState;
	/** The assessment's frozen copy (final assessments), as stored. */
	frozenIdentity: unknown;
	clientId: string | null;
	clientName: string | null;
	field: IdentityFieldName;
	recordValue: string | null;
	profileValue: string;
	foundAt: Date;
	/** The record's values now: the client's, or the organisation's when there is no client. */
	recordNow: { registeredName: string | null; businessScope: string | null };
}

export async function insertIdentityConflict(
	tx: AuditedTx,
	c: {
		orgId: string;
		assessmentId: string;
		clientId: string | null;
		field: IdentityFieldName;
		recordValue: string | null;
		profileValue: string;
	}
): Promise<string> {
	const id = crypto.randomUUID();
	await tx.db
		.insertInto('identity_conflicts')
		.values({
			id,
			org_id: c.orgId,
			assessment_id: c.assessmentId,
			client_id: c.clientId,
			field: c.field,
			record_value: c.recordValue,
			profile_value: c.profileValue
		})
		.execute();
	return id;
}

/** The open conflicts of an organisation, optionally of one assessment or one client; oldest first. */
export async function listOpenIdentityConflicts(
	db: Database,
	scope: { orgId: string; assessmentId?: string; clientId?: string; id?: string }
): Promise<IdentityConflictRow[]> {
	let query = db
		.selectFrom('identity_conflicts as ic')
		.innerJoin('assessments as a', 'a.id', 'ic.assessment_id')
		.innerJoin('organisations as o', 'o.id', 'ic.org_id')
		.leftJoin('clients as c', 'c.id', 'ic.client_id')
		.select([
			'ic.id',
			'ic.org_id as orgId',
			'ic.assessment_id as assessmentId',
			'a.title as assessmentTitle',
			'a.state as assessmentState',
			'a.frozen_identity as frozenIdentity',
			'ic.client_id as clientId',
			'c.name as clientName',
			'ic.field',
			'ic.record_value as recordValue',
			'ic.profile_value as profileValue',
			'ic.found_at as foundAt',
			'c.registered_name as clientRegisteredName',
			'c.business_scope as clientBusinessScope',
			'o.registered_name as orgRegisteredName',
			'o.business_scope as orgBusinessScope'
		])
		.where('ic.org_id', '=', scope.orgId)
		.where('ic.resolved_at', 'is', null);
	if (scope.assessmentId) query = query.where('ic.assessment_id', '=', scope.assessmentId);
	if (scope.clientId) query = query.where('ic.client_id', '=', scope.clientId);
	if (scope.id) query = query.where('ic.id', '=', scope.id);
	const rows = await query.orderBy('ic.found_at').orderBy('ic.id').execute();
	return rows.map(
		({ clientRegisteredName, clientBusinessScope, orgRegisteredName, orgBusinessScope, ...r }) => ({
			...r,
			recordNow: r.clientId
				? { registeredName: clientRegisteredName, businessScope: clientBusinessScope }
				: { registeredName: orgRegisteredName, businessScope: orgBusinessScope }
		})
	);
}

/** Closes a conflict if it is still open; false when someone closed it already. */
export async function resolveIdentityConflictRow(
	tx: AuditedTx,
	scope: { orgId: string; id: string },
	resolution: { by: string | null; choice: 'record' | 'profile' }
): Promise<boolean> {
	const result = await tx.db
		.updateTable('identity_conflicts')
		.set({ resolved_at: new Date(), resolved_by: resolution.by, resolution: resolution.choice })
		.where('org_id', '=', scope.orgId)
		.where('id', '=', scope.id)
		.where('resolved_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}
