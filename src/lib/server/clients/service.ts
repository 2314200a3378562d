import type { Database } from '../db/connection';
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
	input: { orgId: string; actorId: string; fields: ClientFields }
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

/** Saves the client's details; false when it is not the organisation's. */
export async function editClient(
	db: Database,
	input: { client: ClientRecord; actorId: string; fields: ClientFields }
): Promise<boolean> {
	const { client } = input;
	return db.transaction().execute(async (tx) => {
		const before = await findClient(tx, { orgId: client.orgId, id: client.id });
		if (!before) return false;
		await updateClient(tx, { orgId: client.orgId, id: client.id }, input.fields);
		await insertAuditEntry(tx, {
			orgId: client.orgId,
			assessmentId: null,
			itemId: null,
			actorId: input.actorId,
			action: 'client.updated',
			oldValue: {
				name: before.name,
				registeredName: before.registeredName,
				contact: before.contact,
				notes: before.notes
			},
			newValue: { id: client.id, ...input.fields }
		});
		return true;
	});
}
