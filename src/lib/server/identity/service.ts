import {
	IDENTITY_FIELDS,
	identityText,
	identityValue,
	sameIdentityText,
	type FirmIdentity,
	type IdentityConflict,
	type IdentityField
} from '../../domain/identity';
import type { Database } from '../db/connection';
import { audited, type Actor, type AuditedTx } from '../db/audited';
import {
	setFrozenIdentity,
	type AssessmentRecord,
	findAssessment
} from '../db/queries/assessments';
import { findClient, findClients, updateClientIdentity } from '../db/queries/clients';
import {
	insertIdentityConflict,
	listOpenIdentityConflicts,
	resolveIdentityConflictRow,
	type IdentityConflictRow
} from '../db/queries/identity-conflicts';
import { findOrganisationIdentity, updateOrganisationIdentity } from '../db/queries/organisations';

type IdentityOwner = Pick<AssessmentRecord, 'orgId' | 'clientId'>;
type IdentityReader = IdentityOwner & Pick<AssessmentRecord, 'frozenIdentity'>;

/**
 * The firm's identity for an assessment, the one way every reader gets it (web pages, the API,
 * the report, the CLI): the frozen copy of a final assessment, else the client record, else the
 * organisation itself.
 */
export async function readFirmIdentity(
	db: Database,
	assessment: IdentityReader
): Promise<FirmIdentity> {
	return assessment.frozenIdentity ?? readRecordIdentity(db, assessment);
}

/** The identity of many assessments with one query per kind of record (dashboards, lists). */
export async function readFirmIdentities(
	db: Database,
	assessments: readonly (IdentityReader & { id: string })[]
): Promise<Map<string, FirmIdentity>> {
	const identities = new Map<string, FirmIdentity>();
	const live = assessments.filter((a) => {
		if (a.frozenIdentity) identities.set(a.id, a.frozenIdentity);
		return !a.frozenIdentity;
	});
	const byOrg = new Map<string, (IdentityReader & { id: string })[]>();
	for (const a of live) byOrg.set(a.orgId, [...(byOrg.get(a.orgId) ?? []), a]);
	for (const [orgId, list] of byOrg) {
		const clientIds = [...new Set(list.flatMap((a) => (a.clientId ? [a.clientId] : [])))];
		const clients = new Map(
			(await findClients(db, { orgId, ids: clientIds })).map((c) => [c.id, c])
		);
		const org = list.some((a) => !a.clientId) ? await findOrganisationIdentity(db, orgId) : null;
		for (const a of list) {
			const client = a.clientId ? clients.get(a.clientId) : null;
			if (client) identities.set(a.id, clientIdentity(client));
			else if (org) identities.set(a.id, orgIdentity(org));
		}
	}
	return identities;
}

/** The identity on the record now, whatever the assessment froze: what finalising freezes. */
export async function readRecordIdentity(
	db: Database,
	owner: IdentityOwner
): Promise<FirmIdentity> {
	if (owner.clientId) {
		const client = await findClient(db, { orgId: owner.orgId, id: owner.clientId });
		if (!client) throw new Error(`client ${owner.clientId} is missing`);
		return clientIdentity(client);
	}
	const org = await findOrganisationIdentity(db, owner.orgId);
	if (!org) throw new Error(`organisation ${owner.orgId} is missing`);
	return orgIdentity(org);
}

const clientIdentity = (c: {
	name: string;
	registeredName: string | null;
	businessScope: string | null;
}): FirmIdentity => ({
	registeredName: c.registeredName,
	businessScope: c.businessScope,
	name: c.name,
	source: 'client'
});

const orgIdentity = (o: {
	name: string;
	registeredName: string | null;
	businessScope: string | null;
}): FirmIdentity => ({
	registeredName: o.registeredName,
	businessScope: o.businessScope,
	name: o.name,
	source: 'organisation'
});

/**
 * Writes identity fields to their one record (the client, or the organisation) when they differ
 * from it, audited with before and after; open conflicts the new value settles are closed with it.
 * Runs in the caller's audited transaction. Answers whether anything changed.
 */
export async function writeFirmIdentity(
	tx: AuditedTx,
	input: {
		owner: IdentityOwner;
		/** The assessment it was entered on, if any: the audit row names it. */
		assessmentId: string | null;
		values: Partial<Record<IdentityField, string>>;
	}
): Promise<boolean> {
	const { owner } = input;
	const before = await readRecordIdentity(tx.db, owner);
	// A field not given keeps its value; a blank one clears it (stored as null, never '').
	const given = (value: string | undefined, was: string | null) =>
		value === undefined ? was : identityText(value);
	const after = {
		registeredName: given(input.values.registered_name, before.registeredName),
		businessScope: given(input.values.business_scope, before.businessScope)
	};
	if (
		after.registeredName === before.registeredName &&
		after.businessScope === before.businessScope
	)
		return false;
	if (owner.clientId)
		await updateClientIdentity(tx, { orgId: owner.orgId, id: owner.clientId }, after);
	else await updateOrganisationIdentity(tx, owner.orgId, after);
	const settled = await closeSettledConflicts(tx, owner, after);
	tx.record({
		action: owner.clientId ? 'client.identity_updated' : 'organisation.identity_updated',
		orgId: owner.orgId,
		entity: owner.clientId
			? { type: 'client', id: owner.clientId }
			: { type: 'organisation', id: owner.orgId },
		assessmentId: input.assessmentId,
		before: { registeredName: before.registeredName, businessScope: before.businessScope },
		after: {
			...(owner.clientId ? { clientId: owner.clientId } : {}),
			...after,
			...(settled.length ? { settledConflicts: settled } : {})
		}
	});
	return true;
}

/**
 * Closes the open conflicts of a record's live (not final) assessments whose differing value the
 * record now holds: nothing is left to choose. Runs in the caller's audited transaction, whose
 * record of the change names them. Answers their ids.
 */
export async function closeSettledConflicts(
	tx: AuditedTx,
	owner: IdentityOwner,
	now: { registeredName: string | null; businessScope: string | null }
): Promise<string[]> {
	const open = await listOpenIdentityConflicts(tx.db, {
		orgId: owner.orgId,
		...(owner.clientId ? { clientId: owner.clientId } : {})
	});
	const settled: string[] = [];
	for (const c of open) {
		if ((c.clientId ?? null) !== (owner.clientId ?? null) || c.assessmentState === 'final')
			continue;
		const value = c.field === 'registered_name' ? now.registeredName : now.businessScope;
		if (!sameIdentityText(value, c.profileValue)) continue;
		if (
			await resolveIdentityConflictRow(
				tx,
				{ orgId: owner.orgId, id: c.id },
				{ by: tx.actor.userId, choice: 'profile' }
			)
		)
			settled.push(c.id);
	}
	return settled;
}

/**
 * Freezes the record's identity on an assessment being finalised; answers the copy. Runs in the
 * caller's audited transaction (the move's record carries the copy).
 */
export async function freezeFirmIdentity(
	tx: AuditedTx,
	assessment: IdentityOwner & { id: string }
): Promise<FirmIdentity> {
	const identity = await readRecordIdentity(tx.db, assessment);
	await setFrozenIdentity(tx, { orgId: assessment.orgId, id: assessment.id }, identity);
	return { ...identity, source: 'frozen' };
}

/** Drops the frozen copy of an assessment being re-opened: it reads the record again. */
export async function unfreezeFirmIdentity(
	tx: AuditedTx,
	assessment: IdentityOwner & { id: string }
): Promise<void> {
	await setFrozenIdentity(tx, { orgId: assessment.orgId, id: assessment.id }, null);
}

/**
 * Identity fields that came with data from elsewhere (an imported export) for a new assessment: an
 * empty client record takes them, a record that agrees is left alone, and a differing value is
 * listed as a conflict for a person to resolve, never written over the record. The organisation's
 * own record is never filled this way (a consultancy importing a file without a client would take
 * a client's name as its own): there, anything it does not already say is listed for a person.
 * Runs in the caller's audited transaction, whose record names the conflicts (the import's).
 */
export async function receiveFirmIdentity(
	tx: AuditedTx,
	input: {
		owner: IdentityOwner;
		assessmentId: string;
		values: Partial<Record<IdentityField, string>>;
	}
): Promise<{ filled: IdentityField[]; conflicts: IdentityField[] }> {
	const record = await readRecordIdentity(tx.db, input.owner);
	const fill: Partial<Record<IdentityField, string>> = {};
	const conflicts: IdentityField[] = [];
	for (const field of IDENTITY_FIELDS) {
		const given = input.values[field];
		if (given === undefined) continue;
		const current = identityValue(record, field);
		if (current === null && input.owner.clientId) fill[field] = given;
		else if (!sameIdentityText(current, given)) {
			conflicts.push(field);
			await insertIdentityConflict(tx, {
				orgId: input.owner.orgId,
				assessmentId: input.assessmentId,
				clientId: input.owner.clientId,
				field,
				recordValue: current,
				profileValue: given
			});
		}
	}
	if (Object.keys(fill).length > 0)
		await writeFirmIdentity(tx, {
			owner: input.owner,
			assessmentId: input.assessmentId,
			values: fill
		});
	return { filled: Object.keys(fill) as IdentityField[], conflicts };
}

function toConflict(row: IdentityConflictRow): IdentityConflict {
	const frozen = row.frozenIdentity
		? ((typeof row.frozenIdentity === 'string'
				? JSON.parse(row.frozenIdentity)
				: row.frozenIdentity) as { registeredName?: string | null; businessScope?: string | null })
		: null;
	const source = row.assessmentState === 'final' && frozen ? frozen : row.recordNow;
	return {
		id: row.id,
		assessmentId: row.assessmentId,
		assessmentTitle: row.assessmentTitle,
		final: row.assessmentState === 'final',
		clientId: row.clientId,
		clientName: row.clientName,
		field: row.field,
		currentValue:
			(row.field === 'registered_name' ? source.registeredName : source.businessScope) ?? null,
		profileValue: row.profileValue,
		foundAt: row.foundAt
	};
}

/** The open identity conflicts of an organisation, of one assessment or of one client. */
export async function listIdentityConflicts(
	db: Database,
	scope: { orgId: string; assessmentId?: string; clientId?: string }
): Promise<IdentityConflict[]> {
	return (await listOpenIdentityConflicts(db, scope)).map(toConflict);
}

export type ConflictChoice = 'record' | 'profile';

/**
 * A person's answer to a conflict. 'record' keeps what the assessment reads now; 'profile' takes
 * the assessment's own value: onto the record (so every draft of the firm reads it), or onto the
 * frozen copy of a final assessment (its signed report is corrected, the record left alone).
 * Audited; false when the conflict is not the organisation's or is already resolved.
 */
export async function resolveIdentityConflict(
	db: Database,
	actor: Actor,
	input: { orgId: string; conflictId: string; choice: ConflictChoice }
): Promise<boolean> {
	return audited(db, actor, async (tx) => {
		const [row] = await listOpenIdentityConflicts(tx.db, {
			orgId: input.orgId,
			id: input.conflictId
		});
		if (!row) return false;
		const conflict = toConflict(row);
		const closed = await resolveIdentityConflictRow(
			tx,
			{ orgId: input.orgId, id: row.id },
			{ by: actor.userId, choice: input.choice }
		);
		if (!closed) return false;
		if (input.choice === 'profile') {
			const values = { [row.field]: row.profileValue } as Partial<Record<IdentityField, string>>;
			const assessment = await findAssessment(tx.db, {
				orgId: input.orgId,
				id: row.assessmentId
			});
			if (!assessment) return false;
			if (assessment.frozenIdentity) {
				const frozen = assessment.frozenIdentity;
				await setFrozenIdentity(
					tx,
					{ orgId: input.orgId, id: assessment.id },
					{
						...frozen,
						registeredName: values.registered_name ?? frozen.registeredName,
						businessScope: values.business_scope ?? frozen.businessScope
					}
				);
			} else {
				await writeFirmIdentity(tx, {
					owner: assessment,
					assessmentId: assessment.id,
					values
				});
			}
		}
		tx.record({
			action: 'identity.conflict_resolved',
			orgId: input.orgId,
			entity: { type: 'identity_conflict', id: row.id },
			assessmentId: row.assessmentId,
			before: { field: row.field, current: conflict.currentValue, profile: row.profileValue },
			after: {
				conflictId: row.id,
				choice: input.choice,
				value: input.choice === 'profile' ? row.profileValue : conflict.currentValue,
				...(conflict.final ? { frozenCopy: true } : {})
			}
		});
		return true;
	});
}
