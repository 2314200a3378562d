import { expect } from 'vitest';
import { Browser, signUp, uniqueEmail, verifyEmailIfAsked, PASSWORD } from './browser';
import { saveProfile } from './assessment';

/** Adds a client through the form; answers its id. */
export async function createClient(
	browser: Browser,
	orgId: string,
	fields: Partial<Record<'name' | 'registeredName' | 'contact' | 'notes', string>> = {}
): Promise<string> {
	const page = await browser.post(`/o/${orgId}/clients?/create`, {
		name: '陆家嘴智投科技',
		registeredName: '上海陆家嘴智投科技有限公司',
		contact: '王芳',
		notes: '',
		...fields
	});
	expect(page.status).toBe(303);
	const id = page.location?.match(/\/clients\/([0-9a-f-]{36})$/)?.[1];
	if (!id) throw new Error(`no client id in ${page.location}`);
	return id;
}

/** Starts an assessment for the client from its page and saves a profile; answers its base path. */
export async function startClientAssessment(
	browser: Browser,
	orgId: string,
	clientId: string,
	title = '2026 自评'
): Promise<string> {
	const page = await browser.post(`/o/${orgId}/clients/${clientId}?/start`, { title });
	expect(page.status).toBe(303);
	const base = page.location!.replace(/\/profile$/, '');
	expect(base).toMatch(/^\/o\/[0-9a-f-]{36}\/assessments\/[0-9a-f-]{36}$/);
	expect((await saveProfile(browser, base, 0)).status).toBe(303);
	return base;
}

export function assessmentIdOf(base: string): string {
	return base.split('/').pop()!;
}

/** An invitation link from a client's page for a respondent of that client. */
export async function inviteRespondent(
	browser: Browser,
	orgId: string,
	clientId: string,
	scope: { assessmentId?: string; domains?: string[] } = {}
): Promise<string> {
	const page = await browser.post(`/o/${orgId}/clients/${clientId}?/invite`, {
		role: 'respondent',
		email: '',
		assessmentId: scope.assessmentId ?? '',
		domains: scope.domains ?? []
	});
	expect(page.status).toBe(200);
	const token = page.body.match(/\/invite\/([a-z2-7]+)/)?.[1];
	if (!token) throw new Error(`no invitation link on the page: ${page.text.slice(0, 300)}`);
	return `/invite/${token}`;
}

/** An invitation link from the members page (owners only). */
export async function inviteMember(owner: Browser, orgId: string, role: string): Promise<string> {
	const page = await owner.post(`/o/${orgId}/members?/invite`, { role, email: '' });
	expect(page.status).toBe(200);
	const token = page.body.match(/\/invite\/([a-z2-7]+)/)?.[1];
	if (!token) throw new Error('no invitation link on the page');
	return `/invite/${token}`;
}

/** A new person, in their own browser, who signs up through the link and joins. */
export async function joinByInvitation(link: string, lang = 'en'): Promise<Browser> {
	const browser = new Browser(undefined, { lang });
	const email = uniqueEmail('invitee');
	const signedUp = await browser.post(`/signup?next=${encodeURIComponent(link)}`, {
		name: '王芳',
		email,
		password: PASSWORD,
		orgName: '',
		orgKind: 'firm'
	});
	expect(signedUp.status).toBe(303);
	expect((await verifyEmailIfAsked(browser, email, signedUp)).status).toBe(303);
	const accepted = await browser.post(`${link}?/accept`, {});
	expect(accepted.status).toBe(303);
	return browser;
}

export async function consultancy(lang = 'en') {
	const owner = new Browser(undefined, { lang });
	const { orgId } = await signUp(owner, { orgName: '外滩合规咨询', orgKind: 'consultancy' });
	return { owner, orgId };
}
