import { describe, expect, it } from 'vitest';
import { acceptInvitation, createInvitation } from '../../src/lib/server/orgs/invitations';
import { createOrganisation } from '../../src/lib/server/orgs/organisations';
import { findMembership } from '../../src/lib/server/db/queries/organisations';
import { useTestDatabase } from '../helpers/database';
import { person as seedPerson } from '../helpers/seed-assessment';

const database = useTestDatabase('invites');

const person = (label: string) => seedPerson(database().db, label);
/** The address seedPerson gave the person: `<label>-<id>@example.com`. */
const emailOf = (label: string, id: string) => `${label}-${id}@example.com`;

describe('invitation links', () => {
	it('are refused once expired, and join nobody', async () => {
		const db = database().db;
		const owner = await person('owner');
		const orgId = await createOrganisation(
			db,
			{ userId: owner },
			{ name: 'Expiring', kind: 'firm' }
		);
		const invitee = await person('late');
		const { token } = await createInvitation(
			db,
			{ userId: owner },
			{
				orgId,
				role: 'viewer',
				email: emailOf('late', invitee),
				origin: null,
				lifetimeMs: -1
			}
		);
		expect(await acceptInvitation(db, { userId: invitee }, token)).toEqual({
			ok: false,
			reason: 'expired'
		});
		expect(await findMembership(db, invitee, orgId)).toBeNull();
	});

	it('admit the invited person once, however many tabs race for the link', async () => {
		const db = database().db;
		const owner = await person('owner');
		const orgId = await createOrganisation(
			db,
			{ userId: owner },
			{ name: 'Race', kind: 'consultancy' }
		);
		const invitee = await person('racer');
		const { token } = await createInvitation(
			db,
			{ userId: owner },
			{
				orgId,
				role: 'respondent',
				email: emailOf('racer', invitee),
				origin: null
			}
		);
		const results = await Promise.all([
			acceptInvitation(db, { userId: invitee }, token),
			acceptInvitation(db, { userId: invitee }, token)
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		const refused = results.find((r) => !r.ok);
		expect(['used', 'already_member']).toContain(refused && !refused.ok && refused.reason);
	});

	it('store only a hash of the token', async () => {
		const db = database().db;
		const owner = await person('owner');
		const orgId = await createOrganisation(db, { userId: owner }, { name: 'Hash', kind: 'firm' });
		const { token } = await createInvitation(
			db,
			{ userId: owner },
			{
				orgId,
				role: 'viewer',
				email: 'viewer@example.com',
				origin: null
			}
		);
		const rows = await db
			.selectFrom('invitations')
			.select('token_hash')
			.where('org_id', '=', orgId)
			.execute();
		expect(rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
		expect(rows[0]?.token_hash).not.toContain(token);
	});
});
