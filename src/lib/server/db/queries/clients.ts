import type { Database } from '../connection';
import type { AuditedTx } from '../audited';

export interface ClientRecord {
	id: string;
	orgId: string;
	name: string;
	registeredName: string | null;
	businessScope: string | null;
	contact: string | null;
	notes: string;
	createdAt: Date;
	updatedAt: Date;
}

export interface ClientFields {
	name: string;
	registeredName: string | null;
	/** Left as it is when not given. */
	businessScope?: string | null;
	contact: string | null;
	notes: string;
}

const columns = [
	'id',
	'org_id as orgId',
	'name',
	'registered_name as registeredName',
	'business_scope as businessScope',
	'contact',
	'notes',
	'created_at as createdAt',
	'updated_at as updatedAt'
] as const;

export async function insertClient(
	tx: AuditedTx,
	client: ClientFields & { id: string; orgId: string; createdBy: string | null }
): Promise<void> {
	await tx.db
		.insertInto('clients')
		.values({
			id: client.id,
			org_id: client.orgId,
			name: client.name,
			registered_name: client.registeredName,
			business_scope: client.businessScope ?? null,
			contact: client.contact,
			notes: client.notes,
			created_by: client.createdBy
		})
		.execute();
}

/** Scoped by organisation: another organisation's client is simply not found. */
export async function findClient(
	db: Database,
	scope: { orgId: string; id: string }
): Promise<ClientRecord | null> {
	const row = await db
		.selectFrom('clients')
		.select(columns)
		.where('org_id', '=', scope.orgId)
		.where('id', '=', scope.id)
		.executeTakeFirst();
	return row ?? null;
}

export async function listClients(db: Database, scope: { orgId: string }): Promise<ClientRecord[]> {
	return db
		.selectFrom('clients')
		.select(columns)
		.where('org_id', '=', scope.orgId)
		.orderBy('name')
		.orderBy('id')
		.execute();
}

/** Returns false when the client is not the organisation's. */
export async function updateClient(
	tx: AuditedTx,
	scope: { orgId: string; id: string },
	fields: ClientFields
): Promise<boolean> {
	const result = await tx.db
		.updateTable('clients')
		.set({
			name: fields.name,
			registered_name: fields.registeredName,
			...(fields.businessScope === undefined ? {} : { business_scope: fields.businessScope }),
			contact: fields.contact,
			notes: fields.notes,
			updated_at: new Date()
		})
		.where('org_id', '=', scope.orgId)
		.where('id', '=', scope.id)
		.executeTakeFirst();
	return result.numUpdatedRows > 0n;
}

/** The clients of a list of ids (another organisation's are not found). */
export async function findClients(
	db: Database,
	scope: { orgId: string; ids: readonly string[] }
): Promise<ClientRecord[]> {
	if (scope.ids.length === 0) return [];
	return db
		.selectFrom('clients')
		.select(columns)
		.where('org_id', '=', scope.orgId)
		.where('id', 'in', [...scope.ids])
		.execute();
}

/** Sets the client's registered name and business scope (the identity its assessments read). */
export async function updateClientIdentity(
	tx: AuditedTx,
	scope: { orgId: string; id: string },
	identity: { registeredName: string | null; businessScope: string | null }
): Promise<void> {
	await tx.db
		.updateTable('clients')
		.set({
			registered_name: identity.registeredName,
			business_scope: identity.businessScope,
			updated_at: new Date()
		})
		.where('org_id', '=', scope.orgId)
		.where('id', '=', scope.id)
		.execute();
}
