import { describe, expect, inject, it } from 'vitest';
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
import { linkIn, mailTo, mailsTo } from '../helpers/mail';

/** The ids of the members page's rows, in the order they joined. */
async function memberIds(owner: Browser, orgId: string): Promise<string[]> {
	const page = await owner.get(`/o/${orgId}/members`);
	return [...page.body.matchAll(/<tr data-user="([0-9a-f-]{36})"/g)].map((m) => m[1]!);
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

describe('the invitation mail', () => {
	it('goes to the invited address in the language the inviter chose, and its link joins', async () => {
		const { owner, orgId } = await consultancy('en');
		const email = uniqueEmail('zh-invitee');
		const invited = await owner.post(`/o/${orgId}/members?/invite`, {
			role: 'consultant',
			email,
			language: 'zh'
		});
		expect(invited.status).toBe(200);
		const mail = await mailTo(email);
		expect(mail.language).toBe('zh-CN');
		expect(mail.subject).toBe('Li Lei 邀请您加入合规预检上的“外滩合规咨询”');
		expect(mail.text).toMatch(/^您好：/);
		expect(mail.text).toMatch(
			/Li Lei（[^）]+@example\.com）邀请您加入合规预检上的机构“外滩合规咨询”，您的角色是顾问。/
		);
		expect(mail.text).toContain(`请用 ${email} 登录或注册后接受`);
		// Seven days from now, as a reader in China reads it.
		const expiry = new Intl.DateTimeFormat('zh-CN', {
			timeZone: 'Asia/Shanghai',
			year: 'numeric',
			month: 'long',
			day: 'numeric'
		}).format(new Date(Date.now() + 7 * 24 * 3600_000));
		expect(mail.text).toContain(`链接在北京时间 ${expiry}`);
		const link = linkIn(mail, '/invite/');
		expect(mail.html).toContain(`href="${inject('baseUrl')}${link}"`);

		const colleague = await joinByInvitation(link, 'zh', email);
		expect((await colleague.get(`/o/${orgId}`)).status).toBe(200);
		expect((await owner.get(`/o/${orgId}/members`)).text).toContain(email);
	});

	it('is sent again, in English when chosen, with a new link; only the new one joins', async () => {
		const { owner, orgId } = await consultancy('zh');
		const email = uniqueEmail('en-invitee');
		await owner.post(`/o/${orgId}/members?/invite`, { role: 'owner', email, language: 'en' });
		const first = await mailTo(email);
		expect(first.language).toBe('en');
		expect(first.subject).toBe('Li Lei invited you to 外滩合规咨询 on Sandbox Readiness');
		expect(first.text).toMatch(/^Hello,/);
		expect(first.text).toContain('to join 外滩合规咨询 on Sandbox Readiness as an owner.');
		expect(first.text).toMatch(
			/The link works until \d{1,2} [A-Z][a-z]+ \d{4}.* China Standard Time\./
		);

		const page = await owner.get(`/o/${orgId}/members`);
		const invitationId = page.body.match(/name="invitationId" value="([0-9a-f-]{36})"/)![1]!;
		expect((await owner.post(`/o/${orgId}/members?/resend`, { invitationId })).status).toBe(200);
		const second = await mailTo(email, (m) => linkIn(m, '/invite/') !== linkIn(first, '/invite/'));
		expect(second.language).toBe('en');
		expect(mailsTo(email)).toHaveLength(2);
		expect((await new Browser().get(linkIn(first, '/invite/'))).status).toBe(404);
		const partner = await joinByInvitation(linkIn(second, '/invite/'), 'en', email);
		expect((await partner.get(`/o/${orgId}/settings`)).status).toBe(200);
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
			{ orgId, role: 'viewer', email: email.toUpperCase(), origin: null }
		);
		expect(await acceptInvitation(db, { userId: unverified }, token)).toEqual({
			ok: false,
			reason: 'unverified'
		});
		expect(await findMembership(db, unverified, orgId)).toBeNull();

		const expired = await createInvitation(
			db,
			{ userId: owner },
			{ orgId, role: 'viewer', email, lifetimeMs: -1, origin: null }
		);
		expect(await acceptInvitation(db, { userId: unverified }, expired.token)).toEqual({
			ok: false,
			reason: 'expired'
		});
	});
});
