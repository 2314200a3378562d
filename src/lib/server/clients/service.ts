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
import type { Shelf } from '../db/queries/shelf';

/** The organisation's clients on one shelf (in use unless said), by name. */
export function clientsOf(db: Database, orgId: string, shelf?: Shelf): Promise<ClientRecord[]> {
	return listClients(db, { orgId, shelf });
}

/** One client of the organisation, or null when it is not theirs. */
export function clientOf(db: Database, scope: { orgId: string; id: string }) {
	return findClient(db, scope);
}

/** The organisation's clients in use as choices for a form: id and name. */
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
	input: { client: ClientRecord; fields: ClientFields; fieldsAsLoaded?: ClientFields | null }
): Promise<EditClientResult> {
	const { client } = input;
	return audited(db, actor, async (tx): Promise<EditClientResult> => {
		const before = await findClient(tx.db, { orgId: client.orgId, id: client.id });
		if (!before) return { ok: false, reason: 'not_found' };
		const merged = mergeClientFields(before, input.fields, input.fieldsAsLoaded ?? null);
		if ('conflict' in merged) return { ok: false, reason: 'conflict', field: merged.conflict };
		input = { ...input, fields: merged.fields };
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
		return { ok: true };
	});
}

export type EditClientResult =
	| { ok: true }
	| { ok: false; reason: 'not_found' }
	| { ok: false; reason: 'conflict'; field: keyof ClientFields };

const EDITABLE: (keyof ClientFields)[] = [
	'name',
	'registeredName',
	'businessScope',
	'contact',
	'notes'
];

/**
 * What to write when the form showed `loaded`: a field the person left as it was keeps the stored
 * value (someone else may have changed it since, on this page or through an assessment's profile);
 * a field they changed that someone else changed meanwhile, to something else, is a conflict.
 */
export function mergeClientFields(
	stored: ClientFields,
	given: ClientFields,
	loaded: ClientFields | null
): { fields: ClientFields } | { conflict: keyof ClientFields } {
	if (!loaded) return { fields: given };
	const fields = { ...given };
	for (const key of EDITABLE) {
		const now = stored[key] ?? null;
		const was = loaded[key] ?? null;
		const wanted = given[key] ?? null;
		if (wanted === was) (fields as Record<string, unknown>)[key] = now;
		else if (now !== was && now !== wanted) return { conflict: key };
	}
	return { fields };
}
