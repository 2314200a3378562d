import { describe, expect, it } from 'vitest';
import { authenticateApiToken, createApiToken } from '../../src/lib/server/auth/api-tokens';
import { insertMembership } from '../../src/lib/server/db/queries/organisations';
import { audited } from '../../src/lib/server/db/audited';
import type { Database } from '../../src/lib/server/db/connection';
import type { ApiTokenScope, Role } from '../../src/lib/server/db/schema';
import { createInvitation, findInvitation } from '../../src/lib/server/orgs/invitations';
import { changeMemberRole, removeMember } from '../../src/lib/server/orgs/organisations';
import { useTestDatabase } from '../helpers/database';
import { consultancy, person } from '../helpers/seed-assessment';

/**
 * Offboarding ends everything a member left behind in the organisation: tokens follow the member
 * (revoked on removal, narrowed on demotion), pending invitations they made are revoked, every step
 * in the audit log. Run on both drivers (DATABASE_SENSITIVE): the revocations are one transaction.
 */
const database = useTestDatabase('offboarding');

async function member(db: Database, orgId: string, role: Role): Promise<string> {
	const userId = await person(db, role);
	await audited(db, { userId: null }, async (tx) => {
		await insertMembership(tx, { orgId, userId, role });
		tx.record({ action: 'member.added', orgId, entity: { type: 'member', id: userId } });
	});
	return userId;
}

async function token(
	db: Database,
	orgId: string,
	userId: string,
	scope: ApiTokenScope = 'role',
	lifetimeDays?: number
) {
	const created = await createApiToken(
		db,
		{ userId },
		{ orgId, name: 'sync', userId, scope, lifetimeDays }
	);
	if (!created.ok) throw new Error(created.reason);
	return created;
}

const auditOf = (db: Database, entityId: string) =>
	db
		.selectFrom('audit_log')
		.select(['action', 'actor_id', 'new_value'])
		.where('entity_id', '=', entityId)
		.orderBy('id')
		.execute();

describe('offboarding', () => {
	it('revokes a removed member’s tokens and pending invitations, audited', async () => {
		const { db } = database();
		const { orgId, ownerId } = await consultancy(db, 'Offboarding');
		const leaving = await member(db, orgId, 'owner');
		const { id, token: secret } = await token(db, orgId, leaving);
		const invitation = await createInvitation(
			db,
			{ userId: leaving },
			{ orgId, role: 'owner', email: 'cfo@client.example', origin: null }
		);
		expect(await authenticateApiToken(db, secret)).toMatchObject({ role: 'owner' });

		expect(await removeMember(db, { userId: ownerId }, { orgId, userId: leaving })).toEqual({
			ok: true
		});
		expect(await authenticateApiToken(db, secret)).toBeNull();
		expect((await findInvitation(db, invitation.token))?.revokedAt).toBeTruthy();
		expect(await auditOf(db, id)).toContainEqual(
			expect.objectContaining({
				action: 'api_token.revoked',
				actor_id: ownerId,
				new_value: expect.objectContaining({ reason: 'member_removed' })
			})
		);
		const inv = await db
			.selectFrom('invitations')
			.select('id')
			.where('org_id', '=', orgId)
			.executeTakeFirstOrThrow();
		expect(await auditOf(db, inv.id)).toContainEqual(
			expect.objectContaining({ action: 'invitation.revoked', actor_id: ownerId })
		);
	});

	it('checks the membership on every request: a member gone by any path takes the token along', async () => {
		const { db } = database();
		const { orgId } = await consultancy(db, 'Gone');
		const leaving = await member(db, orgId, 'consultant');
		const { token: secret } = await token(db, orgId, leaving);
		// Not through removeMember: the row simply disappears (an account deleted, a cascade).
		await db.deleteFrom('memberships').where('user_id', '=', leaving).execute();
		expect(await authenticateApiToken(db, secret)).toBeNull();
	});

	it('narrows a demoted member’s tokens, and revokes them and their invitations for a respondent', async () => {
		const { db } = database();
		const { orgId, ownerId } = await consultancy(db, 'Demotion');
		const demoted = await member(db, orgId, 'owner');
		const { id, token: secret } = await token(db, orgId, demoted);
		const invitation = await createInvitation(
			db,
			{ userId: demoted },
			{ orgId, role: 'owner', email: 'partner@client.example', origin: null }
		);

		await changeMemberRole(db, { userId: ownerId }, { orgId, userId: demoted, role: 'viewer' });
		expect(await authenticateApiToken(db, secret)).toMatchObject({ role: 'viewer' });
		expect(await auditOf(db, id)).toContainEqual(
			expect.objectContaining({ action: 'api_token.narrowed', actor_id: ownerId })
		);
		// An owner's invitation made by someone who is no longer an owner stops working.
		expect((await findInvitation(db, invitation.token))?.revokedAt).toBeTruthy();

		await changeMemberRole(db, { userId: ownerId }, { orgId, userId: demoted, role: 'respondent' });
		expect(await authenticateApiToken(db, secret)).toBeNull();
		expect((await auditOf(db, id)).at(-1)).toMatchObject({ action: 'api_token.revoked' });
	});

	it('caps a token at its scope, and ends it when it expires', async () => {
		const { db } = database();
		const { orgId, ownerId } = await consultancy(db, 'Scopes');
		const readOnly = await token(db, orgId, ownerId, 'read_only');
		const readWrite = await token(db, orgId, ownerId, 'read_write');
		expect(await authenticateApiToken(db, readOnly.token)).toMatchObject({ role: 'viewer' });
		expect(await authenticateApiToken(db, readWrite.token)).toMatchObject({ role: 'consultant' });
		const short = await token(db, orgId, ownerId, 'role', 7);
		expect(short.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
		await db
			.updateTable('api_tokens')
			.set({ expires_at: new Date(Date.now() - 1000) })
			.where('id', '=', short.id)
			.execute();
		expect(await authenticateApiToken(db, short.token)).toBeNull();
	});

	it('makes no token for someone outside the organisation, or for a respondent', async () => {
		const { db } = database();
		const { orgId } = await consultancy(db, 'No tokens');
		const outsider = await person(db, 'outsider');
		const respondent = await member(db, orgId, 'respondent');
		for (const [userId, reason] of [
			[outsider, 'not_a_member'],
			[respondent, 'respondent']
		] as const)
			expect(await createApiToken(db, { userId: null }, { orgId, name: 'x', userId })).toEqual({
				ok: false,
				reason
			});
	});
});
