import type { Database } from '../db/connection';
import { closeSettledConflicts } from '../identity/service';
import { audited, type Actor } from '../db/audited';
import {
	findClient,
	insertClient,
	listClients,
	updateClient,
	type ClientFields,
	type ClientRecord
} from '../db/queries/clients';

/** The organisation's clients, by name. */
export function clientsOf(db: Database, orgId: string): Promise<ClientRecord[]> {
	return listClients(db, { orgId });
}

/** The organisation's clients as choices for a form: id and name. */
export async function clientChoices(
	db: Database,
	orgId: string
): Promise<{ id: string; name: string }[]> {
	return (await clientsOf(db, orgId)).map((c) => ({ id: c.id, name: c.name }));
}

export async function createClient(
	db: Database,
	actor: Actor,
	input: { orgId: string; fields: ClientFields }
): Promise<string> {
	const id = crypto.randomUUID();
	await audited(db, actor, async (tx) => {
		await insertClient(tx, { ...input.fields, id, orgId: input.orgId, createdBy: actor.userId });
		tx.record({
			action: 'client.created',
			orgId: input.orgId,
			entity: { type: 'client', id },
			after: { id, ...input.fields }
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
	actor: Actor,
	input: { client: ClientRecord; fields: ClientFields }
): Promise<boolean> {
	const { client } = input;
	return audited(db, actor, async (tx) => {
		const before = await findClient(tx.db, { orgId: client.orgId, id: client.id });
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
			}
		);
		tx.record({
			action: 'client.updated',
			orgId: client.orgId,
			entity: { type: 'client', id: client.id },
			before: {
				name: before.name,
				registeredName: before.registeredName,
				businessScope: before.businessScope,
				contact: before.contact,
				notes: before.notes
			},
			after: {
				id: client.id,
				...input.fields,
				...(settled.length ? { settledConflicts: settled } : {})
			}
		});
		return true;
	});
}
