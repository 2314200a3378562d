import { describe, expect, it } from 'vitest';
import { Browser, PASSWORD, signUp, uniqueEmail, verifyEmailIfAsked } from '../helpers/browser';

async function inviteLink(
	owner: Browser,
	orgId: string,
	role = 'respondent',
	email = 'invitee@example.com'
): Promise<string> {
	const page = await owner.post(`/o/${orgId}/members?/invite`, { role, email });
	expect(page.status).toBe(200);
	const token = page.body.match(/\/invite\/([a-z2-7]+)/)?.[1];
	if (!token) throw new Error('no invitation link on the page');
	return `/invite/${token}`;
}

describe('organisations', () => {
	it('lets a user create a second organisation and switch between them', async () => {
		const browser = new Browser();
		const { orgId: first } = await signUp(browser, { orgName: '第一机构' });
		const created = await browser.post('/orgs?/create', {
			name: 'Second Advisory',
			kind: 'consultancy'
		});
		expect(created.status).toBe(303);
		const second = created.location!.split('/')[2]!;
		expect(second).not.toBe(first);
		const list = await browser.get('/orgs');
		expect(list.text).toContain('第一机构');
		expect(list.text).toContain('Second Advisory');

		const switched = await browser.post('/orgs?/switch', { orgId: first });
		expect(switched.location).toBe(`/o/${first}`);
		expect((await browser.get('/')).location).toBe(`/o/${first}`);
	});

	it('rejects an organisation without a name, creating nothing', async () => {
		const browser = new Browser(undefined, { lang: 'en' });
		await signUp(browser, { orgName: 'Only One' });
		const page = await browser.post('/orgs?/create', { name: '   ', kind: 'firm' });
		expect(page.status).toBe(400);
		expect(page.text).toContain('This field is required.');
		const rows = (await browser.get('/orgs')).body.match(/\/o\/[0-9a-f-]{36}"/g) ?? [];
		expect(rows).toHaveLength(1);
	});

	it('answers 404 for another organisation’s pages and actions', async () => {
		const alice = new Browser();
		const { orgId: aliceOrg } = await signUp(alice, { orgName: 'Alice Fintech' });
		const bob = new Browser();
		await signUp(bob, { orgName: 'Bob Fintech' });
		const page = await bob.get(`/o/${aliceOrg}`);
		expect(page.status).toBe(404);
		expect(page.text).toContain('找不到该页面，或您无权查看。');
		expect((await bob.get(`/o/${aliceOrg}/members`)).status).toBe(404);
		const invite = await bob.post(`/o/${aliceOrg}/members?/invite`, {
			role: 'owner',
			email: 'bob@example.com'
		});
		expect(invite.status).toBe(404);
		expect(invite.text).not.toContain('Alice Fintech');
		const switchTo = await bob.post('/orgs?/switch', { orgId: aliceOrg });
		expect(switchTo.status).toBe(404);
	});
});

describe('invitations', () => {
	it('joins a new member once, with the invited role; the link is then refused', async () => {
		const owner = new Browser();
		const { orgId } = await signUp(owner, { orgName: '外滩合规咨询' });
		const email = uniqueEmail('consultant');
		const link = await inviteLink(owner, orgId, 'consultant', email);

		const invitee = new Browser();
		await signUp(invitee, { orgName: 'Own firm', email });
		const landing = await invitee.get(link);
		expect(landing.status).toBe(200);
		expect(landing.text).toContain('外滩合规咨询');
		const accepted = await invitee.post(`${link}?/accept`, {});
		expect(accepted.status).toBe(303);
		expect(accepted.location).toBe(`/o/${orgId}`);
		expect((await invitee.get(`/o/${orgId}`)).status).toBe(200);

		const members = await owner.get(`/o/${orgId}/members`);
		expect(members.text).toMatch(/顾问/);

		const third = new Browser(undefined, { lang: 'en' });
		await signUp(third);
		const reused = await third.post(`${link}?/accept`, {});
		expect(reused.status).toBe(410);
		expect(reused.text).toContain('already been used');
		expect((await third.get(`/o/${orgId}`)).status).toBe(404);
	});

	it('sends a visitor who is not logged in to sign up and back', async () => {
		const owner = new Browser();
		const { orgId } = await signUp(owner);
		const email = uniqueEmail('new');
		const link = await inviteLink(owner, orgId, 'respondent', email);
		const visitor = new Browser();
		const page = await visitor.get(link);
		expect(page.body).toContain(`/signup?next=${encodeURIComponent(link)}`);
		const signup = await visitor.post(`/signup?next=${encodeURIComponent(link)}`, {
			name: 'New Person',
			email,
			password: PASSWORD,
			orgName: '',
			orgKind: 'firm'
		});
		// The address is verified first (the code comes by mail), then the invitation opens again.
		const verified = await verifyEmailIfAsked(visitor, email, signup);
		expect(verified.location).toBe(link);
		expect((await visitor.post(`${link}?/accept`, {})).location).toBe(`/o/${orgId}`);
		// Joining needed no organisation of their own: the invited one is their only one.
		expect((await visitor.get('/orgs')).body.match(/href="\/o\/[0-9a-f-]{36}"/g)).toHaveLength(1);
	});

	it('still requires an organisation name for a sign-up without an invitation', async () => {
		const page = await new Browser(undefined, { lang: 'en' }).post('/signup', {
			name: 'No Org',
			email: `no-org-${Date.now()}@example.com`,
			password: PASSWORD,
			orgName: '',
			orgKind: 'firm'
		});
		expect(page.status).toBe(400);
		expect(page.text).toContain('This field is required.');
	});

	it('answers 404 for an unknown link', async () => {
		expect((await new Browser().get('/invite/abcdefghijklmnopqrstuvwxyz234567')).status).toBe(404);
	});

	it('lets only the owner invite, change roles and remove members', async () => {
		const owner = new Browser();
		const { orgId } = await signUp(owner);
		const email = uniqueEmail('viewer');
		const link = await inviteLink(owner, orgId, 'viewer', email);
		const viewer = new Browser();
		await signUp(viewer, { email });
		await viewer.post(`${link}?/accept`, {});
		expect(
			(await viewer.post(`/o/${orgId}/members?/invite`, { role: 'owner', email: 'x@example.com' }))
				.status
		).toBe(403);

		const members = await owner.get(`/o/${orgId}/members`);
		// Members are listed in the order they joined: the owner, then the viewer.
		const ids = [...members.body.matchAll(/<tr data-user="([0-9a-f-]{36})"/g)].map((m) => m[1]!);
		const [ownerId, viewerId] = ids;
		expect(viewerId).toBeDefined();
		// The owner's own row offers no role change or removal (another owner does that), the
		// viewer's does.
		const forms = [...members.body.matchAll(/name="userId" value="([0-9a-f-]{36})"/g)].map(
			(m) => m[1]!
		);
		expect(forms).toContain(viewerId);
		expect(forms).not.toContain(ownerId);
		expect(members.text).toContain('您本人');
		expect(
			(await viewer.post(`/o/${orgId}/members?/role`, { userId: viewerId!, role: 'owner' })).status
		).toBe(403);

		const promoted = await owner.post(`/o/${orgId}/members?/role`, {
			userId: viewerId!,
			role: 'consultant'
		});
		expect(promoted.status).toBe(200);
		expect((await owner.get(`/o/${orgId}/members`)).text).toContain('顾问');

		const badRole = await owner.post(`/o/${orgId}/members?/role`, {
			userId: viewerId!,
			role: 'admin'
		});
		expect(badRole.status).toBe(400);

		const removed = await owner.post(`/o/${orgId}/members?/remove`, { userId: viewerId! });
		expect(removed.status).toBe(200);
		expect((await viewer.get(`/o/${orgId}`)).status).toBe(404);
	});

	it('keeps the last owner an owner', async () => {
		const owner = new Browser(undefined, { lang: 'en' });
		const { orgId } = await signUp(owner);
		const members = await owner.get(`/o/${orgId}/members`);
		const ownerId = members.body.match(/<tr data-user="([0-9a-f-]{36})"/)![1]!;
		const demoted = await owner.post(`/o/${orgId}/members?/role`, {
			userId: ownerId,
			role: 'viewer'
		});
		expect(demoted.status).toBe(400);
		expect(demoted.text).toContain('at least one owner');
	});
});
