import type { Database } from '../connection';
import type { AuditedTx } from '../audited';
import { lockDeletedRow, type Shelf } from './shelf';

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
	/** Archived: left out of the default lists; its assessments stay readable. */
	archivedAt: Date | null;
	/** Deleted (with its assessments): hidden everywhere until restored or purged. */
	deletedAt: Date | null;
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
	'updated_at as updatedAt',
	'archived_at as archivedAt',
	'deleted_at as deletedAt'
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

/**
 * Scoped by organisation: another organisation's client is simply not found, and so is a deleted
 * one, unless `includeDeleted` (its lifecycle page: restore and purge). An archived one is found.
 */
export async function findClient(
	db: Database,
	scope: { orgId: string; id: string; includeDeleted?: boolean }
): Promise<ClientRecord | null> {
	let query = db
		.selectFrom('clients')
		.select(columns)
		.where('org_id', '=', scope.orgId)
		.where('id', '=', scope.id);
	if (!scope.includeDeleted) query = query.where('deleted_at', 'is', null);
	return (await query.executeTakeFirst()) ?? null;
}

/**
 * The organisation's clients on one shelf, by name: in use unless said (`all`: every one, to name
 * the client of an assessment whatever shelf either stands on).
 */
export async function listClients(
	db: Database,
	scope: { orgId: string; shelf?: Shelf | 'all' }
): Promise<ClientRecord[]> {
	let query = db.selectFrom('clients').select(columns).where('org_id', '=', scope.orgId);
	const shelf = scope.shelf ?? 'active';
	if (shelf === 'deleted') query = query.where('deleted_at', 'is not', null);
	else if (shelf !== 'all')
		query = query
			.where('deleted_at', 'is', null)
			.where('archived_at', shelf === 'archived' ? 'is not' : 'is', null);
	return query.orderBy('name').orderBy('id').execute();
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

/** First thing in a client's purge: see `lockDeletedRow`. */
export function lockDeletedClient(
	tx: AuditedTx,
	scope: { orgId: string; id: string; deletedBy: Date }
): Promise<boolean> {
	return lockDeletedRow(tx, 'clients', scope);
}
