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

/**
 * The address each invitation link of this run was made for: an invitation is accepted only by an
 * account with that address, verified, so joinByInvitation signs up with it.
 */
const invitedEmails = new Map<string, string>();
export const invitedEmailOf = (link: string): string | undefined => invitedEmails.get(link);

function linkOn(page: { body: string; text: string }, email: string): string {
	const token = page.body.match(/\/invite\/([a-z2-7]+)/)?.[1];
	if (!token) throw new Error(`no invitation link on the page: ${page.text.slice(0, 300)}`);
	const link = `/invite/${token}`;
	invitedEmails.set(link, email);
	return link;
}

/** An invitation link from a client's page for a respondent of that client. */
export async function inviteRespondent(
	browser: Browser,
	orgId: string,
	clientId: string,
	scope: { assessmentId?: string; domains?: string[] } = {},
	email: string = uniqueEmail('respondent')
): Promise<string> {
	const page = await browser.post(`/o/${orgId}/clients/${clientId}?/invite`, {
		role: 'respondent',
		email,
		assessmentId: scope.assessmentId ?? '',
		domains: scope.domains ?? []
	});
	expect(page.status).toBe(200);
	return linkOn(page, email);
}

/** An invitation link from the members page (owners only), for `email`. */
export async function inviteMember(
	owner: Browser,
	orgId: string,
	role: string,
	email: string = uniqueEmail('invitee')
): Promise<string> {
	const page = await owner.post(`/o/${orgId}/members?/invite`, { role, email });
	expect(page.status).toBe(200);
	return linkOn(page, email);
}

/** The person the link was made for, in their own browser, who signs up through it and joins. */
export async function joinByInvitation(
	link: string,
	lang = 'en',
	email: string = invitedEmailOf(link) ?? uniqueEmail('invitee'),
	baseUrl?: string
): Promise<Browser> {
	const browser = new Browser(baseUrl, { lang });
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

/** A consultancy signed up by its owner, on the run's shared server or the one at `baseUrl`. */
export async function consultancy(lang = 'en', baseUrl?: string) {
	const owner = new Browser(baseUrl, { lang });
	const { orgId, email } = await signUp(owner, {
		orgName: '外滩合规咨询',
		orgKind: 'consultancy'
	});
	return { owner, orgId, ownerEmail: email };
}

/**
 * The finalise form's fields for an assessment with items still open (most tests finalise one with
 * a few answers): the owner and reason the guard requires.
 */
export const FINALISE_OVER = {
	__superform_id: 'finalise',
	owner: 'Zhang Wei',
	reason: 'Signed off with open items for this test.'
};

/**
 * A respondent of the client for the assessment at `base`, invited by `owner` and joined in their
 * own cookie-keeping browser on the same server: the browser and the address it signed up with.
 */
export async function joinedRespondent(
	owner: Browser,
	orgId: string,
	clientId: string,
	base: string,
	lang = 'en'
): Promise<{ respondent: Browser; email: string }> {
	const link = await inviteRespondent(owner, orgId, clientId, {
		assessmentId: assessmentIdOf(base)
	});
	const email = invitedEmailOf(link)!;
	return { respondent: await joinByInvitation(link, lang, email, owner.baseUrl), email };
}
