import type { Database } from '../db/connection';
import { closeSettledConflicts } from '../identity/service';
import { insertAuditEntry } from '../db/queries/audit-log';
import {
	findClient,
	insertClient,
	updateClient,
	type ClientFields,
	type ClientRecord
} from '../db/queries/clients';

export async function createClient(
	db: Database,
	input: { orgId: string; actorId: string | null; fields: ClientFields }
): Promise<string> {
	const id = crypto.randomUUID();
	await db.transaction().execute(async (tx) => {
		await insertClient(tx, { ...input.fields, id, orgId: input.orgId, createdBy: input.actorId });
		await insertAuditEntry(tx, {
			orgId: input.orgId,
			assessmentId: null,
			itemId: null,
			actorId: input.actorId,
			action: 'client.created',
			oldValue: null,
			newValue: { id, ...input.fields }
		});
	});
	return id;
}

/**
 * Saves the client's details; false when it is not the organisation's. The registered name and
 * business scope are the identity every draft of the client reads: a conflict the new value
 * settles is closed with it.
 */
export async function editClient(
	db: Database,
	input: { client: ClientRecord; actorId: string; fields: ClientFields }
): Promise<boolean> {
	const { client } = input;
	return db.transaction().execute(async (tx) => {
		const before = await findClient(tx, { orgId: client.orgId, id: client.id });
		if (!before) return false;
		await updateClient(tx, { orgId: client.orgId, id: client.id }, input.fields);
		const settled = await closeSettledConflicts(
			tx,
			{ orgId: client.orgId, clientId: client.id },
			{
				registeredName: input.fields.registeredName,
				businessScope:
					input.fields.businessScope === undefined
						? before.businessScope
						: input.fields.businessScope
			},
			input.actorId
		);
		await insertAuditEntry(tx, {
			orgId: client.orgId,
			assessmentId: null,
			itemId: null,
			actorId: input.actorId,
			action: 'client.updated',
			oldValue: {
				name: before.name,
				registeredName: before.registeredName,
				businessScope: before.businessScope,
				contact: before.contact,
				notes: before.notes
			},
			newValue: {
				id: client.id,
				...input.fields,
				...(settled.length ? { settledConflicts: settled } : {})
			}
		});
		return true;
	});
}
