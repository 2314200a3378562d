import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from '../helpers/browser';
import { baseProfile, saveAnswer, saveProfile } from '../helpers/assessment';
import {
	assessmentIdOf,
	consultancy,
	createClient,
	inviteRespondent,
	joinByInvitation,
	startClientAssessment
} from '../helpers/consultancy';

describe('a respondent scoped to one client, one assessment and one domain', () => {
	let owner: Browser;
	let respondent: Browser;
	let orgId: string;
	let clientA: string;
	let invited: string;
	let sibling: string;
	let otherClients: string;

	beforeAll(async () => {
		({ owner, orgId } = await consultancy());
		clientA = await createClient(owner, orgId, { name: 'Client A' });
		const clientB = await createClient(owner, orgId, { name: 'Client B' });
		invited = await startClientAssessment(owner, orgId, clientA, 'A invited');
		sibling = await startClientAssessment(owner, orgId, clientA, 'A sibling');
		otherClients = await startClientAssessment(owner, orgId, clientB, 'B only');
		const link = await inviteRespondent(owner, orgId, clientA, {
			assessmentId: assessmentIdOf(invited),
			domains: ['complaints']
		});
		expect((await owner.get(link)).text).toContain('the client “Client A” only');
		// The respondent answers in a browser (cookie jar) of their own.
		respondent = await joinByInvitation(link);
	});

	it('sees only the invited assessment, and nothing organisation-wide', async () => {
		const overview = await respondent.get(`/o/${orgId}`);
		expect(overview.status).toBe(200);
		expect(overview.text).toContain('My assessments');
		expect(overview.text).toContain('A invited');
		expect(overview.text).not.toContain('A sibling');
		expect(overview.text).not.toContain('Clients at a glance');
		const list = await respondent.get(`/o/${orgId}/assessments`);
		expect(list.text).toContain('A invited');
		expect(list.text).not.toContain('A sibling');
		expect(list.text).not.toContain('B only');
		expect(list.body).not.toContain('?/start');
		for (const path of [
			`/o/${orgId}/members`,
			`/o/${orgId}/clients`,
			`/o/${orgId}/clients/${clientA}`,
			`${sibling}/questionnaire`,
			`${otherClients}/questionnaire`,
			`${otherClients}/items/CMP-001`
		])
			expect((await respondent.get(path)).status, path).toBe(404);
	});

	it('reaches the invited domain only, on view and on save', async () => {
		const questionnaire = await respondent.get(`${invited}/questionnaire`);
		expect(questionnaire.status).toBe(200);
		expect(questionnaire.body).toContain('CMP-001');
		expect(questionnaire.body).not.toContain('?domain=licensing');
		expect((await respondent.get(`${invited}/questionnaire?domain=licensing`)).status).toBe(404);
		expect((await respondent.get(`${invited}/items/LIC-001`)).status).toBe(404);
		const save = await saveAnswer(respondent, invited, 'LIC-001', 0, { status: 'compliant' });
		expect(save.status).toBe(404);
		// The whole-assessment pages show every domain, so they are not theirs either.
		for (const page of ['profile', 'result', 'print?lang=en', 'report.pdf?lang=en'])
			expect((await respondent.get(`${invited}/${page}`)).status, page).toBe(404);
		const owners = await owner.get(`${invited}/items/LIC-001`);
		expect(owners.text).not.toContain('Compliant ·');
	});

	it('answers and submits for review; the consultancy sees it waiting', async () => {
		const saved = await saveAnswer(respondent, invited, 'CMP-001', 0, {
			status: 'compliant',
			note: 'Complaints desk staffed since 2025'
		});
		expect(saved.status).toBe(200);
		const item = await owner.get(`${invited}/items/CMP-001`);
		expect(item.text).toContain('Complaints desk staffed since 2025');
		expect(item.text).toContain('王芳');

		const members = await owner.get(`/o/${orgId}/members`);
		expect(members.text).toMatch(/王芳 \S+ Respondent · Client A/);

		// Limited to one domain, the respondent submits their part: the assessment stays a draft,
		// the part is listed for the reviewers, and the rest goes with the owner's submission.
		const submitted = await respondent.post(`${invited}/review?/submit`, {});
		expect(submitted.status).toBe(200);
		expect(submitted.text).toContain('Your part is submitted.');
		const review = await owner.get(`${invited}/review`);
		expect(review.body).toContain('data-part="complaints" data-submitted="yes"');
		expect(review.body).toContain('data-state="draft"');
		expect((await owner.post(`${invited}/review?/submit`, {})).status).toBe(200);
		const list = await owner.get(`/o/${orgId}/assessments`);
		const row = list.body.match(/<tr>(?:(?!<tr>)[\s\S])*?A invited[\s\S]*?<\/tr>/)?.[0] ?? '';
		expect(row).toContain('In review');
		const dashboard = await owner.get(`/o/${orgId}`);
		expect(dashboard.body).toMatch(/data-figure="review"[^>]*>1</);
	});
});

describe('respondent invitations', () => {
	it('need a client in a consultancy, and refuse another client’s assessment', async () => {
		const { owner, orgId } = await consultancy();
		const noClient = await owner.post(`/o/${orgId}/members?/invite`, {
			role: 'respondent',
			email: 'staff@client.example'
		});
		expect(noClient.status).toBe(400);
		expect(noClient.text).toContain('Choose the client the respondent belongs to.');
		expect(noClient.body).not.toMatch(/\/invite\/[a-z2-7]{20,}/);

		const a = await createClient(owner, orgId, { name: 'A' });
		const b = await createClient(owner, orgId, { name: 'B' });
		const bAssessment = await startClientAssessment(owner, orgId, b);
		const crossed = await owner.post(`/o/${orgId}/clients/${a}?/invite`, {
			role: 'respondent',
			email: 'staff@client.example',
			assessmentId: assessmentIdOf(bAssessment)
		});
		expect(crossed.status).toBe(400);
		expect(crossed.text).toContain('does not belong to this organisation or client');
		expect(crossed.body).not.toMatch(/\/invite\/[a-z2-7]{20,}/);

		const domainsWithoutAssessment = await owner.post(`/o/${orgId}/clients/${a}?/invite`, {
			role: 'respondent',
			email: 'staff@client.example',
			domains: ['complaints']
		});
		expect(domainsWithoutAssessment.status).toBe(400);
	});
});

describe('a respondent answering a client assessment’s profile', () => {
	it('cannot change the client’s registered name or business scope, which other assessments read', async () => {
		const { owner, orgId } = await consultancy();
		const clientId = await createClient(owner, orgId, { name: 'Client R' });
		const base = await startClientAssessment(owner, orgId, clientId, 'R profile');
		const registered = { was_registered_name: '', was_business_scope: '' };
		const version = async (who: Browser) =>
			Number(/name="version" value="(\d+)"/.exec((await who.get(`${base}/profile`)).body)?.[1]);
		expect([200, 303]).toContain(
			(await saveProfile(owner, base, await version(owner), registered)).status
		);
		const link = await inviteRespondent(owner, orgId, clientId, {
			assessmentId: assessmentIdOf(base)
		});
		const respondent = await joinByInvitation(link);
		const asLoaded = {
			was_registered_name: baseProfile.registered_name as string,
			was_business_scope: baseProfile.business_scope as string
		};

		const renamed = await saveProfile(respondent, base, await version(respondent), {
			...asLoaded,
			registered_name: '改名金融信息服务有限公司'
		});
		expect(renamed.status).toBe(403);
		expect(renamed.text).toContain('kept on the client record, which your consultant maintains');
		const client = await owner.get(`/o/${orgId}/clients/${clientId}`);
		expect(client.text).toContain(baseProfile.registered_name as string);
		expect(client.text).not.toContain('改名金融信息服务有限公司');

		// The rest of the profile is theirs to answer.
		const answered = await saveProfile(respondent, base, await version(respondent), {
			...asLoaded,
			client_funds: 'true'
		});
		expect(answered.status).toBe(200);
		expect((await respondent.get(`${base}/profile`)).body).toContain('readonly');
	});
});
