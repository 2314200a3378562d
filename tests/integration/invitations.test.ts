import { describe, expect, it } from 'vitest';
import { acceptInvitation, createInvitation } from '../../src/lib/server/orgs/invitations';
import { createOrganisation } from '../../src/lib/server/orgs/organisations';
import { findMembership } from '../../src/lib/server/db/queries/organisations';
import { insertUser } from '../../src/lib/server/db/queries/users';
import { audited } from '../../src/lib/server/db/audited';
import { Api, createTokenInSettings } from '../helpers/api';
import { Browser, signUp, uniqueEmail } from '../helpers/browser';
import { consultancy, inviteMember, joinByInvitation } from '../helpers/consultancy';
import { useTestDatabase } from '../helpers/database';
import { person } from '../helpers/seed-assessment';

/** The ids of the members page's rows, in the order they joined. */
async function memberIds(owner: Browser, orgId: string): Promise<string[]> {
	const page = await owner.get(`/o/${orgId}/members`);
	return [
		...new Set([...page.body.matchAll(/name="userId" value="([0-9a-f-]{36})"/g)].map((m) => m[1]!))
	];
}

describe('invitations bound to an email address', () => {
	it('require the address, and refuse a link for one address to an account with another', async () => {
		const { owner, orgId } = await consultancy();
		const none = await owner.post(`/o/${orgId}/members?/invite`, { role: 'viewer', email: '' });
		expect(none.status).toBe(400);
		expect(none.body).not.toMatch(/\/invite\/[a-z2-7]{20,}/);

		const link = await inviteMember(owner, orgId, 'consultant', uniqueEmail('cfo'));
		const stranger = new Browser(undefined, { lang: 'en' });
		await signUp(stranger);
		const landing = await stranger.get(link);
		expect(landing.status).toBe(200);
		expect(landing.text).toContain('This invitation is for c***@example.com only');
		const refused = await stranger.post(`${link}?/accept`, {});
		expect(refused.status).toBe(403);
		expect(refused.text).toContain('You are signed in with a different address');
		expect((await stranger.get(`/o/${orgId}`)).status).toBe(404);

		// The person it was made for still gets in with it.
		const invitee = await joinByInvitation(link);
		expect((await invitee.get(`/o/${orgId}`)).status).toBe(200);
		const members = await owner.get(`/o/${orgId}/members`);
		expect(members.text).toMatch(/accepted by 王芳 \(cfo-[^)]+@example\.com\)/);
	});

	it('can be sent again with a new link; the old link stops working', async () => {
		const { owner, orgId } = await consultancy();
		const email = uniqueEmail('again');
		const old = await inviteMember(owner, orgId, 'viewer', email);
		const page = await owner.get(`/o/${orgId}/members`);
		const invitationId = page.body.match(/name="invitationId" value="([0-9a-f-]{36})"/)![1]!;
		const resent = await owner.post(`/o/${orgId}/members?/resend`, { invitationId });
		expect(resent.status).toBe(200);
		const fresh = resent.body.match(/\/invite\/[a-z2-7]+/)![0];
		expect(fresh).not.toBe(old);
		expect((await new Browser().get(old)).status).toBe(404);
		expect(
			(await joinByInvitation(fresh, 'en', email).then((b) => b.get(`/o/${orgId}`))).status
		).toBe(200);
	});

	it('ends with the member who sent it: a removed owner’s invitation is 410 and their token 401', async () => {
		const { owner, orgId } = await consultancy();
		const partner = await joinByInvitation(await inviteMember(owner, orgId, 'owner'));
		const token = await createTokenInSettings(partner, orgId, 'partner sync');
		const planted = await inviteMember(partner, orgId, 'owner', uniqueEmail('planted'));
		expect((await new Api(token).get('/clients')).status).toBe(200);

		const partnerId = (await memberIds(owner, orgId))[1]!;
		expect((await owner.post(`/o/${orgId}/members?/remove`, { userId: partnerId })).status).toBe(
			200
		);

		const api = await new Api(token).post('/clients', { name: 'After removal' });
		expect(api.status).toBe(401);
		expect((await new Browser().get(planted)).status).toBe(410);
		const accomplice = new Browser(undefined, { lang: 'en' });
		await signUp(accomplice);
		expect((await accomplice.post(`${planted}?/accept`, {})).status).toBe(410);
		expect((await partner.get(`/o/${orgId}`)).status).toBe(404);
	});
});

describe('accepting an invitation', () => {
	const database = useTestDatabase('invitation-accept');

	it('needs the invited address verified, and refuses an expired link', async () => {
		const { db } = database();
		const owner = await person(db, 'owner');
		const orgId = await createOrganisation(db, { userId: owner }, { name: 'Bound', kind: 'firm' });
		const unverified = crypto.randomUUID();
		const email = `unverified-${unverified}@example.com`;
		await audited(db, { userId: unverified }, async (tx) => {
			await insertUser(tx, { id: unverified, email, name: 'U', passwordHash: 'x' });
			tx.record({
				action: 'user.signed_up',
				orgId: null,
				entity: { type: 'user', id: unverified }
			});
		});
		const { token } = await createInvitation(
			db,
			{ userId: owner },
			{ orgId, role: 'viewer', email: email.toUpperCase() }
		);
		expect(await acceptInvitation(db, { userId: unverified }, token)).toEqual({
			ok: false,
			reason: 'unverified'
		});
		expect(await findMembership(db, unverified, orgId)).toBeNull();

		const expired = await createInvitation(
			db,
			{ userId: owner },
			{ orgId, role: 'viewer', email, lifetimeMs: -1 }
		);
		expect(await acceptInvitation(db, { userId: unverified }, expired.token)).toEqual({
			ok: false,
			reason: 'expired'
		});
	});
});
