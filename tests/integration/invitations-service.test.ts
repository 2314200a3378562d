import { describe, expect, it } from 'vitest';
import { insertUser } from '../../src/lib/server/db/queries/users';
import { acceptInvitation, createInvitation } from '../../src/lib/server/orgs/invitations';
import { createOrganisation } from '../../src/lib/server/orgs/organisations';
import { findMembership } from '../../src/lib/server/db/queries/organisations';
import { useTestDatabase } from '../helpers/database';

const database = useTestDatabase('invites');

async function person(label: string): Promise<string> {
	const id = crypto.randomUUID();
	await insertUser(database().db, {
		id,
		email: `${label}-${id}@example.com`,
		name: label,
		passwordHash: 'x'
	});
	return id;
}

describe('invitation links', () => {
	it('are refused once expired, and join nobody', async () => {
		const db = database().db;
		const owner = await person('owner');
		const orgId = await createOrganisation(db, { name: 'Expiring', kind: 'firm', ownerId: owner });
		const { token } = await createInvitation(db, {
			orgId,
			role: 'viewer',
			email: null,
			createdBy: owner,
			lifetimeMs: -1
		});
		const invitee = await person('late');
		expect(await acceptInvitation(db, token, invitee)).toEqual({ ok: false, reason: 'expired' });
		expect(await findMembership(db, invitee, orgId)).toBeNull();
	});

	it('admit exactly one of two people racing for the same link', async () => {
		const db = database().db;
		const owner = await person('owner');
		const orgId = await createOrganisation(db, {
			name: 'Race',
			kind: 'consultancy',
			ownerId: owner
		});
		const { token } = await createInvitation(db, {
			orgId,
			role: 'respondent',
			email: null,
			createdBy: owner
		});
		const [a, b] = [await person('a'), await person('b')];
		const results = await Promise.all([
			acceptInvitation(db, token, a),
			acceptInvitation(db, token, b)
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'used' }]);
	});

	it('store only a hash of the token', async () => {
		const db = database().db;
		const owner = await person('owner');
		const orgId = await createOrganisation(db, { name: 'Hash', kind: 'firm', ownerId: owner });
		const { token } = await createInvitation(db, {
			orgId,
			role: 'viewer',
			email: null,
			createdBy: owner
		});
		const rows = await db
			.selectFrom('invitations')
			.select('token_hash')
			.where('org_id', '=', orgId)
			.execute();
		expect(rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
		expect(rows[0]?.token_hash).not.toContain(token);
	});
});
