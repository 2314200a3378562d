import type { Database } from '../connection';
import type { AuditedTx } from '../audited';

/**
 * Where a record stands in its life, for the two that have one (assessments and clients, whose
 * columns are alike): in use, archived (out of the default lists) or deleted (awaiting its purge).
 */
export type Shelf = 'active' | 'archived' | 'deleted';
export type ShelvedTable = 'assessments' | 'clients';
export interface ShelfChange {
	archivedAt?: Date | null;
	deletedAt?: Date | null;
}

// Both tables have org_id, id, archived_at and deleted_at: the queries are typed on one of them.
const typed = (table: ShelvedTable) => table as 'clients';

/** Archives or restores (null), deletes or undeletes (null) a record; answers whether it changed. */
export async function updateShelf(
	tx: AuditedTx,
	table: ShelvedTable,
	scope: { orgId: string; id: string },
	change: ShelfChange
): Promise<boolean> {
	const result = await tx.db
		.updateTable(typed(table))
		.set({
			...(change.archivedAt !== undefined ? { archived_at: change.archivedAt } : {}),
			...(change.deletedAt !== undefined ? { deleted_at: change.deletedAt } : {})
		})
		.where('org_id', '=', scope.orgId)
		.where('id', '=', scope.id)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/**
 * First thing in a purge: true when the record is deleted, by `deletedBy`, and then locked, so a
 * restore racing the purge waits for it (and one that came first wins before anything is removed).
 */
export async function lockDeletedRow(
	tx: AuditedTx,
	table: ShelvedTable,
	scope: { orgId: string; id: string; deletedBy: Date }
): Promise<boolean> {
	const row = await tx.db
		.selectFrom(typed(table))
		.select('id')
		.where('org_id', '=', scope.orgId)
		.where('id', '=', scope.id)
		.where('deleted_at', 'is not', null)
		.where('deleted_at', '<=', scope.deletedBy)
		.forUpdate()
		.executeTakeFirst();
	return row !== undefined;
}

/**
 * Deletes a record for good, only if it is deleted, by `deletedBy`: one restored (or deleted
 * again) since it was read is not purged.
 */
export async function deleteShelvedRow(
	tx: AuditedTx,
	table: ShelvedTable,
	scope: { orgId: string; id: string; deletedBy: Date }
): Promise<boolean> {
	const result = await tx.db
		.deleteFrom(typed(table))
		.where('org_id', '=', scope.orgId)
		.where('id', '=', scope.id)
		.where('deleted_at', 'is not', null)
		.where('deleted_at', '<=', scope.deletedBy)
		.executeTakeFirst();
	return Number(result.numDeletedRows) === 1;
}

/** Every organisation's records deleted before `cutoff`: due for their purge, oldest first. */
export async function listShelvedDeletedBefore(
	db: Database,
	table: ShelvedTable,
	cutoff: Date
): Promise<{ id: string; orgId: string }[]> {
	return db
		.selectFrom(typed(table))
		.select(['id', 'org_id as orgId'])
		.where('deleted_at', '<', cutoff)
		.orderBy('deleted_at')
		.execute();
}
