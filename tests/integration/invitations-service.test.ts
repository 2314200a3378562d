import { describe, expect, it } from 'vitest';
import { acceptInvitation, createInvitation } from '../../src/lib/server/orgs/invitations';
import { createOrganisation } from '../../src/lib/server/orgs/organisations';
import { findMembership } from '../../src/lib/server/db/queries/organisations';
import { useTestDatabase } from '../helpers/database';
import { person as seedPerson } from '../helpers/seed-assessment';

const database = useTestDatabase('invites');

const person = (label: string) => seedPerson(database().db, label);

describe('invitation links', () => {
	it('are refused once expired, and join nobody', async () => {
		const db = database().db;
		const owner = await person('owner');
		const orgId = await createOrganisation(
			db,
			{ userId: owner },
			{ name: 'Expiring', kind: 'firm' }
		);
		const { token } = await createInvitation(
			db,
			{ userId: owner },
			{
				orgId,
				role: 'viewer',
				email: null,
				lifetimeMs: -1
			}
		);
		const invitee = await person('late');
		expect(await acceptInvitation(db, { userId: invitee }, token)).toEqual({
			ok: false,
			reason: 'expired'
		});
		expect(await findMembership(db, invitee, orgId)).toBeNull();
	});

	it('admit exactly one of two people racing for the same link', async () => {
		const db = database().db;
		const owner = await person('owner');
		const orgId = await createOrganisation(
			db,
			{ userId: owner },
			{ name: 'Race', kind: 'consultancy' }
		);
		const { token } = await createInvitation(
			db,
			{ userId: owner },
			{
				orgId,
				role: 'respondent',
				email: null
			}
		);
		const [a, b] = [await person('a'), await person('b')];
		const results = await Promise.all([
			acceptInvitation(db, { userId: a }, token),
			acceptInvitation(db, { userId: b }, token)
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'used' }]);
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
				email: null
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
