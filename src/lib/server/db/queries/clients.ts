import type { Database } from '../connection';
import type { AuditedTx } from '../audited';

export interface ClientRecord {
	id: string;
	orgId: string;
	name: string;
	registeredName: string | null;
	contact: string | null;
	notes: string;
	createdAt: Date;
	updatedAt: Date;
}

export interface ClientFields {
	name: string;
	registeredName: string | null;
	contact: string | null;
	notes: string;
}

const columns = [
	'id',
	'org_id as orgId',
	'name',
	'registered_name as registeredName',
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
			contact: fields.contact,
			notes: fields.notes,
			updated_at: new Date()
		})
		.where('org_id', '=', scope.orgId)
		.where('id', '=', scope.id)
		.executeTakeFirst();
	return result.numUpdatedRows > 0n;
}
