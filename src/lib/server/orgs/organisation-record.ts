import type { Database } from '../db/connection';
import { audited, type Actor } from '../db/audited';
import {
	findOrganisationIdentity,
	updateOrganisationName,
	type OrganisationIdentity
} from '../db/queries/organisations';
import { writeFirmIdentity } from '../identity/service';

/** The organisation's own record: its name, and its registered name and business scope. */
export function organisationRecord(
	db: Database,
	orgId: string
): Promise<OrganisationIdentity | null> {
	return findOrganisationIdentity(db, orgId);
}

export interface OrganisationRecordInput {
	orgId: string;
	name: string;
	/** Blank clears the field. */
	registeredName: string;
	businessScope: string;
}

/**
 * An owner's edit of the organisation's record. The name is the organisation's alone; the registered
 * name and business scope are the firm identity its own assessments read (`readFirmIdentity`), so
 * they are written through `writeFirmIdentity` — the one writer of that fact, which also settles
 * conflicts the new value answers. Drafts read the record live; final assessments keep their frozen
 * copy. One audited transaction; answers whether anything changed.
 */
export async function editOrganisationRecord(
	db: Database,
	actor: Actor,
	input: OrganisationRecordInput
): Promise<boolean> {
	const name = input.name.trim();
	return audited(db, actor, async (tx) => {
		const before = await findOrganisationIdentity(tx.db, input.orgId);
		if (!before) return false;
		let changed = false;
		if (before.name !== name) {
			await updateOrganisationName(tx, input.orgId, name);
			tx.record({
				action: 'organisation.renamed',
				orgId: input.orgId,
				entity: { type: 'organisation', id: input.orgId },
				before: { name: before.name },
				after: { name }
			});
			changed = true;
		}
		const identityChanged = await writeFirmIdentity(tx, {
			owner: { orgId: input.orgId, clientId: null },
			assessmentId: null,
			values: {
				registered_name: input.registeredName.trim(),
				business_scope: input.businessScope.trim()
			}
		});
		return changed || identityChanged;
	});
}
