import { seedsCorpus } from '../../src/lib/corpus/seeds-corpus';
import { decodeBase64 } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashApiToken } from '../../src/lib/server/auth/api-tokens';
import { installCorpus } from '../../src/lib/server/corpus';
import { openDatabase, type OpenedDatabase } from '../../src/lib/server/db/connection';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { Api, apiProfile, createTokenInSettings } from '../helpers/api';
import { saveAnswer, saveProfile } from '../helpers/assessment';
import { Browser, PASSWORD, signUp, uniqueEmail, verifyEmailIfAsked } from '../helpers/browser';
import { codeIn, linkIn, mailTo } from '../helpers/mail';
import { totpCode } from '../helpers/totp';
import {
	createClient,
	invitedEmailOf,
	inviteMember,
	startClientAssessment,
	FINALISE_OVER
} from '../helpers/consultancy';
import { mutatingRoutes } from '../helpers/mutating-routes';
import { postFile } from '../helpers/upload';
import { createScratchDatabase, testDbKind, type ScratchDatabase } from '../setup/databases';
import { startServer, type RunningServer } from '../setup/server-process';

/**
 * Every route that can change something leaves a row in the audit log, attributed to whoever
 * made the request. The routes are discovered from the source (tests/helpers/mutating-routes.ts);
 * what a valid request to each looks like is written here, one recipe per route. So a new form
 * action, endpoint or API operation fails this test until it has a recipe, and its recipe fails
 * until the change it makes is audited.
 *
 * The test runs its own server on its own database, sends each recipe's request, then stops the
 * server and reads the audit log, matching rows to requests by the x-request-id each answered.
 */

/** Routes that change nothing anyone else sees: no audit row expected, each with its reason. */
const EXEMPT: Record<string, string> = {
	'POST /language': 'sets the language cookie of this browser; writes nothing to the database',
	'POST /account?/delete':
		'the account is deleted: its rows (user.deleted, member.left) name the person as the entity, ' +
		'with no actor (the actor column refers to users); tests/integration/mail-accounts.test.ts',
	'POST /orgs?/switch':
		'which organisation the session opens next: a preference of the session, the same write a ' +
		'GET of /o/<id> makes (see the bookkeeping list in tests/unit/audit-boundary.test.ts)'
};

interface Answered {
	status: number;
	headers: Headers;
}

/** The request that must be audited, and who made it (by email; `viaToken` for the API). */
interface Outcome {
	response: Answered;
	actor: string;
	viaToken?: boolean;
}

interface Fixture {
	baseUrl: string;
	owner: Browser;
	ownerEmail: string;
	orgId: string;
	clientA: string;
	/** A draft assessment of client A with LIC-001 answered. */
	base: string;
	api: Api;
	token: string;
	/** A questionnaire version older than the current one. */
	oldVersion: string;
}

type Recipe = (f: Fixture) => Promise<Outcome>;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PNG = Uint8Array.from(
	Buffer.from(
		'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
		'base64'
	)
);
const idOf = (path: string) => path.split('/').pop()!;
const A = '/o/[orgId=uuid]/assessments/[assessmentId=uuid]';
const C = '/o/[orgId=uuid]/clients/[clientId=uuid]';
/** A deletion's ticked box. */
const CONFIRMED = { __superform_id: 'delete', confirmed: 'on' };

/** A new person with an organisation of their own, in their own browser. */
async function newPerson(f: Fixture, next?: string) {
	const browser = new Browser(f.baseUrl, { lang: 'en' });
	// Joining by invitation takes the address the invitation was made for.
	const email = (next && invitedEmailOf(next)) || uniqueEmail('audit');
	if (next) {
		const page = await browser.post(`/signup?next=${encodeURIComponent(next)}`, {
			name: '王芳',
			email,
			password: PASSWORD,
			orgName: '',
			orgKind: 'firm'
		});
		expect(page.status).toBe(303);
		expect((await verifyEmailIfAsked(browser, email, page)).status).toBe(303);
	} else await signUp(browser, { email });
	return { browser, email };
}

/** A new person with two-factor on, signed in with it. */
async function newPersonWithTwoFactor(f: Fixture) {
	const person = await newPerson(f);
	const setup = await person.browser.get('/account/two-factor');
	const key = setup.body.match(/name="key" value="([^"]+)"/)![1]!;
	const code = generateTOTP(decodeBase64(key), 30, 6);
	const enabled = await person.browser.post('/account/two-factor?/enable', {
		key,
		code,
		currentPassword: PASSWORD
	});
	expect(enabled.status).toBe(200);
	return { ...person, key: decodeBase64(key) };
}

/** A new member of the fixture's organisation, joined by an invitation link. */
async function newMember(f: Fixture, role: string) {
	const link = await inviteMember(f.owner, f.orgId, role);
	const person = await newPerson(f, link);
	expect((await person.browser.post(`${link}?/accept`, {})).status).toBe(303);
	return person;
}

/** A new consultant, mentioned by the owner in a comment: they have an unread notification. */
async function mentionedMember(f: Fixture) {
	const person = await newMember(f, 'consultant');
	const comment = await f.owner.post(`${f.base}/items/LIC-001?/comment`, {
		__superform_id: 'comment',
		itemId: 'LIC-001',
		body: `@${person.email} please look at this one.`
	});
	expect(comment.status).toBe(200);
	return person;
}

/** The user ids the members page offers to change. */
async function memberIds(f: Fixture): Promise<string[]> {
	const page = await f.owner.get(`/o/${f.orgId}/members`);
	return [...page.body.matchAll(/name="userId" value="([0-9a-f-]{36})"/g)].map((m) => m[1]!);
}

/** A fresh draft of client A, its profile saved. */
const freshAssessment = (f: Fixture) =>
	startClientAssessment(f.owner, f.orgId, f.clientA, `Fresh ${Math.random()}`);

/** A new client, with one assessment: its page's path. */
async function freshClient(f: Fixture, name = `Fresh client ${Math.random()}`): Promise<string> {
	const id = await createClient(f.owner, f.orgId, { name });
	await startClientAssessment(f.owner, f.orgId, id, `${name} 2026`);
	return `/o/${f.orgId}/clients/${id}`;
}

/** A new assessment started from the base one: LIC-001 carried over, to be confirmed. */
async function carriedOver(f: Fixture): Promise<string> {
	const page = await f.owner.post(`/o/${f.orgId}/assessments?/next`, {
		previousId: idOf(f.base),
		title: ''
	});
	expect(page.status).toBe(303);
	return page.location!.replace(/\/questionnaire$/, '');
}

async function moved(f: Fixture, path: string, ...transitions: string[]) {
	for (const t of transitions)
		expect(
			(await f.owner.post(`${path}/review?/${t}`, t === 'finalise' ? FINALISE_OVER : {})).status
		).toBe(200);
}

async function exported(f: Fixture): Promise<Record<string, unknown>> {
	const file = await f.owner.download(`${f.base}/export.json`);
	expect(file.status).toBe(200);
	return JSON.parse(new TextDecoder().decode(file.bytes));
}

async function postLogo(f: Fixture): Promise<Answered> {
	const body = new FormData();
	body.append('logo', new Blob([PNG], { type: 'image/png' }), 'logo.png');
	return fetch(`${f.baseUrl}/o/${f.orgId}/settings?/logo`, {
		method: 'POST',
		body,
		redirect: 'manual',
		headers: {
			origin: f.baseUrl,
			accept: 'text/html',
			cookie: [...f.owner.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
		}
	});
}

/** An evidence file posted as a form without JavaScript posts it. */
async function postEvidence(f: Fixture, path: string): Promise<Answered> {
	const body = new FormData();
	body.append('file', new Blob(['%PDF-1.4 evidence'], { type: 'application/pdf' }), 'policy.pdf');
	return fetch(`${f.baseUrl}${path}`, {
		method: 'POST',
		body,
		redirect: 'manual',
		headers: {
			origin: f.baseUrl,
			accept: 'text/html',
			cookie: [...f.owner.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
		}
	});
}

/** Uploads a file to the item; answers its id, read from the item page. */
async function evidenceFileOn(f: Fixture, itemId: string): Promise<string> {
	expect((await postEvidence(f, `${f.base}/items/${itemId}/evidence`)).status).toBe(303);
	const page = await f.owner.get(`${f.base}/items/${itemId}`);
	return page.body.match(/data-file-id="([0-9a-f-]{36})"/)![1]!;
}

const byOwner = (f: Fixture, response: Answered): Outcome => ({ response, actor: f.ownerEmail });
const byToken = (f: Fixture, response: Answered): Outcome => ({
	response,
	actor: f.ownerEmail,
	viaToken: true
});
const answerForm = (itemId: string, version = 0) => ({
	__superform_id: itemId,
	itemId,
	version: String(version),
	status: 'partial',
	note: 'Drafted, not approved yet',
	evidence: '',
	owner: 'Compliance',
	due: '2027-03-31'
});

/** A valid request, by someone allowed to make it, for each mutating route. */
const RECIPES: Record<string, Recipe> = {
	// Accounts
	'POST /(auth)/signup': async (f) => {
		const browser = new Browser(f.baseUrl);
		const email = uniqueEmail('signup');
		const response = await browser.post('/signup', {
			name: '李雷',
			email,
			password: PASSWORD,
			orgName: '浦江数科',
			orgKind: 'firm'
		});
		return { response, actor: email };
	},
	'POST /(auth)/login': async (f) => {
		const response = await new Browser(f.baseUrl).post('/login', {
			email: f.ownerEmail,
			password: PASSWORD
		});
		return byOwner(f, response);
	},
	'POST /logout': async (f) => {
		const { browser, email } = await newPerson(f);
		return { response: await browser.post('/logout', {}), actor: email };
	},
	'POST /account?/password': async (f) => {
		const { browser, email } = await newPerson(f);
		const response = await browser.post('/account?/password', {
			currentPassword: PASSWORD,
			newPassword: 'another horse battery',
			confirmPassword: 'another horse battery'
		});
		return { response, actor: email };
	},
	'POST /verify-email?/verify': async (f) => {
		const browser = new Browser(f.baseUrl);
		const email = uniqueEmail('verify');
		const page = await browser.post('/signup', {
			name: '李雷',
			email,
			password: PASSWORD,
			orgName: '浦江数科',
			orgKind: 'firm'
		});
		const code = codeIn(await mailTo(email));
		const response = await browser.post(`${page.location}?/verify`, { code });
		return { response, actor: email };
	},
	'POST /verify-email?/resend': async (f) => {
		const browser = new Browser(f.baseUrl);
		const email = uniqueEmail('resend');
		await browser.post('/signup', {
			name: '李雷',
			email,
			password: PASSWORD,
			orgName: '浦江数科',
			orgKind: 'firm'
		});
		// A code typed wrong too often is void: a new one may be asked for at once.
		for (let i = 0; i < 5; i++) await browser.post('/verify-email?/verify', { code: 'AAAAAAAA' });
		return { response: await browser.post('/verify-email?/resend', {}), actor: email };
	},
	'POST /two-factor': async (f) => {
		const { email, key } = await newPersonWithTwoFactor(f);
		const browser = new Browser(f.baseUrl);
		expect((await browser.post('/login', { email, password: PASSWORD })).status).toBe(303);
		// The current code turned two-factor on; each code works once, so the next step's.
		const response = await browser.post('/two-factor', { code: totpCode(key, 1) });
		return { response, actor: email };
	},
	'POST /reset-password': async (f) => {
		const { email } = await newPerson(f);
		return {
			response: await new Browser(f.baseUrl).post('/reset-password', { email }),
			actor: email
		};
	},
	'POST /reset-password/[token]': async (f) => {
		const { email } = await newPerson(f);
		await new Browser(f.baseUrl).post('/reset-password', { email });
		const link = linkIn(
			await mailTo(email, (m) => m.text.includes('/reset-password/')),
			'/reset-password/'
		);
		const response = await new Browser(f.baseUrl).post(link, {
			newPassword: 'new horse battery staple'
		});
		return { response, actor: email };
	},
	'POST /account?/language': async (f) => {
		const { browser, email } = await newPerson(f);
		return { response: await browser.post('/account?/language', { language: 'en' }), actor: email };
	},
	'POST /account?/signOutElsewhere': async (f) => {
		const { browser, email } = await newPerson(f);
		return { response: await browser.post('/account?/signOutElsewhere', {}), actor: email };
	},
	'POST /account?/email': async (f) => {
		const { browser, email } = await newPerson(f);
		const response = await browser.post('/account?/email', {
			newEmail: uniqueEmail('moved'),
			emailPassword: PASSWORD
		});
		return { response, actor: email };
	},
	'POST /account/two-factor?/enable': async (f) => {
		const { browser, email } = await newPerson(f);
		const setup = await browser.get('/account/two-factor');
		const key = setup.body.match(/name="key" value="([^"]+)"/)![1]!;
		const code = generateTOTP(decodeBase64(key), 30, 6);
		const response = await browser.post('/account/two-factor?/enable', {
			key,
			code,
			currentPassword: PASSWORD
		});
		return { response, actor: email };
	},
	'POST /account/two-factor?/renewCodes': async (f) => {
		const { browser, email } = await newPersonWithTwoFactor(f);
		return { response: await browser.post('/account/two-factor?/renewCodes', {}), actor: email };
	},
	'POST /account/two-factor?/disable': async (f) => {
		const { browser, email, key } = await newPersonWithTwoFactor(f);
		const code = totpCode(key, 1);
		return { response: await browser.post('/account/two-factor?/disable', { code }), actor: email };
	},
	'POST /o/[orgId=uuid]/settings?/organisation': async (f) =>
		byOwner(
			f,
			await f.owner.post(`/o/${f.orgId}/settings?/organisation`, {
				name: 'Renamed Advisory',
				registeredName: '上海审计咨询有限公司',
				businessScope: ''
			})
		),
	'POST /o/[orgId=uuid]/settings?/twoFactorPolicy': async (f) =>
		byOwner(f, await f.owner.post(`/o/${f.orgId}/settings?/twoFactorPolicy`, {})),
	'POST /o/[orgId=uuid]/members?/resetTwoFactor': async (f) => {
		const { email } = await newMember(f, 'viewer');
		const page = await f.owner.get(`/o/${f.orgId}/members`);
		const row = page.body.slice(page.body.indexOf(email));
		const memberId = row.match(/name="userId" value="([0-9a-f-]{36})"/)![1]!;
		return byOwner(f, await f.owner.post(`/o/${f.orgId}/members?/resetTwoFactor`, { memberId }));
	},
	'POST /orgs?/create': async (f) =>
		byOwner(f, await f.owner.post('/orgs?/create', { name: '研究部', kind: 'consultancy' })),
	'POST /invite/[token]?/accept': async (f) => {
		const link = await inviteMember(f.owner, f.orgId, 'viewer');
		const { browser, email } = await newPerson(f, link);
		return { response: await browser.post(`${link}?/accept`, {}), actor: email };
	},

	// Members
	'POST /o/[orgId=uuid]/members?/invite': async (f) =>
		byOwner(
			f,
			await f.owner.post(`/o/${f.orgId}/members?/invite`, {
				role: 'viewer',
				email: uniqueEmail('invited'),
				language: 'en'
			})
		),
	'POST /o/[orgId=uuid]/members?/resend': async (f) => {
		await inviteMember(f.owner, f.orgId, 'viewer');
		const page = await f.owner.get(`/o/${f.orgId}/members`);
		const invitationId = page.body.match(/name="invitationId" value="([0-9a-f-]{36})"/)![1]!;
		return byOwner(f, await f.owner.post(`/o/${f.orgId}/members?/resend`, { invitationId }));
	},
	'POST /o/[orgId=uuid]/members?/role': async (f) => {
		const before = await memberIds(f);
		await newMember(f, 'viewer');
		const userId = (await memberIds(f)).find((id) => !before.includes(id))!;
		const response = await f.owner.post(`/o/${f.orgId}/members?/role`, {
			userId,
			role: 'consultant'
		});
		return byOwner(f, response);
	},
	'POST /o/[orgId=uuid]/members?/remove': async (f) => {
		const before = await memberIds(f);
		await newMember(f, 'viewer');
		const userId = (await memberIds(f)).find((id) => !before.includes(id))!;
		return byOwner(f, await f.owner.post(`/o/${f.orgId}/members?/remove`, { userId }));
	},
	'POST /o/[orgId=uuid]/members?/revoke': async (f) => {
		await inviteMember(f.owner, f.orgId, 'viewer');
		const page = await f.owner.get(`/o/${f.orgId}/members`);
		const invitationId = page.body.match(/name="invitationId" value="([0-9a-f-]{36})"/)![1]!;
		return byOwner(f, await f.owner.post(`/o/${f.orgId}/members?/revoke`, { invitationId }));
	},

	// Settings
	'POST /o/[orgId=uuid]/settings?/createToken': async (f) =>
		byOwner(
			f,
			await f.owner.post(`/o/${f.orgId}/settings?/createToken`, {
				name: 'ci',
				currentPassword: PASSWORD
			})
		),
	'POST /o/[orgId=uuid]/settings?/revokeToken': async (f) => {
		await createTokenInSettings(f.owner, f.orgId, 'to revoke');
		const page = await f.owner.get(`/o/${f.orgId}/settings`);
		// Newest first: the one just made, never the fixture's.
		const tokenId = page.body.match(/name="tokenId" value="([0-9a-f-]{36})"/)![1]!;
		return byOwner(f, await f.owner.post(`/o/${f.orgId}/settings?/revokeToken`, { tokenId }));
	},
	'POST /o/[orgId=uuid]/settings?/logo': async (f) => byOwner(f, await postLogo(f)),
	'POST /o/[orgId=uuid]/settings?/removeLogo': async (f) =>
		byOwner(f, await f.owner.post(`/o/${f.orgId}/settings?/removeLogo`, {})),

	// Clients
	'POST /o/[orgId=uuid]/clients?/create': async (f) =>
		byOwner(
			f,
			await f.owner.post(`/o/${f.orgId}/clients?/create`, {
				name: '临港链数科技',
				registeredName: '',
				contact: '',
				notes: ''
			})
		),
	'POST /o/[orgId=uuid]/clients/[clientId=uuid]?/update': async (f) =>
		byOwner(
			f,
			await f.owner.post(`/o/${f.orgId}/clients/${f.clientA}?/update`, {
				name: 'Client A',
				registeredName: '上海陆家嘴智投科技有限公司',
				businessScope: '软件开发；数据处理服务',
				contact: '王芳',
				notes: 'Second meeting on 3 March'
			})
		),
	'POST /o/[orgId=uuid]/clients/[clientId=uuid]?/start': async (f) =>
		byOwner(
			f,
			await f.owner.post(`/o/${f.orgId}/clients/${f.clientA}?/start`, { title: '2027 自评' })
		),
	'POST /o/[orgId=uuid]/clients/[clientId=uuid]?/invite': async (f) =>
		byOwner(
			f,
			await f.owner.post(`/o/${f.orgId}/clients/${f.clientA}?/invite`, {
				role: 'respondent',
				email: uniqueEmail('respondent'),
				assessmentId: ''
			})
		),

	// The firm's identity: a conflict found by an import for a client of another registered name
	'POST /o/[orgId=uuid]/identity?/resolve': async (f) => {
		const clientB = await createClient(f.owner, f.orgId, {
			name: 'Client B',
			registeredName: '上海临港链数科技有限公司'
		});
		const imported = await postFile(
			f.owner,
			`/o/${f.orgId}/assessments?/import`,
			{ name: 'b.json', type: 'application/json', bytes: JSON.stringify(await exported(f)) },
			{ clientId: clientB, confirmOtherClient: 'on' }
		);
		expect(imported.status).toBe(303);
		const page = await f.owner.get(`/o/${f.orgId}/identity`);
		const conflictId = page.body.match(/name="conflictId" value="([0-9a-f-]{36})"/)![1]!;
		const response = await f.owner.post(`/o/${f.orgId}/identity?/resolve`, {
			conflictId,
			choice: 'profile',
			next: `/o/${f.orgId}/identity`
		});
		return byOwner(f, response);
	},

	// Assessments
	'POST /o/[orgId=uuid]/assessments?/start': async (f) =>
		byOwner(f, await f.owner.post(`/o/${f.orgId}/assessments?/start`, { title: '2026 自评' })),
	'POST /o/[orgId=uuid]/assessments?/next': async (f) =>
		byOwner(
			f,
			await f.owner.post(`/o/${f.orgId}/assessments?/next`, {
				previousId: idOf(f.base),
				title: ''
			})
		),
	'POST /o/[orgId=uuid]/assessments?/import': async (f) => {
		const file = JSON.stringify(await exported(f));
		const response = await postFile(
			f.owner,
			`/o/${f.orgId}/assessments?/import`,
			{ name: 'a.json', type: 'application/json', bytes: file },
			{ clientId: f.clientA }
		);
		return byOwner(f, response);
	},
	[`POST ${A}/profile`]: async (f) => {
		const page = await f.owner.post(`/o/${f.orgId}/clients/${f.clientA}?/start`, { title: 'P' });
		const path = page.location!.replace(/\/profile$/, '');
		return byOwner(f, await saveProfile(f.owner, path, 0));
	},
	[`POST ${A}/questionnaire?/save`]: async (f) =>
		byOwner(f, await f.owner.post(`${f.base}/questionnaire?/save`, answerForm('CMP-001'))),
	[`POST ${A}/questionnaire?/confirm`]: async (f) => {
		const next = await carriedOver(f);
		const response = await f.owner.post(`${next}/questionnaire?/confirm`, {
			__superform_id: 'confirm-carried-over',
			itemId: 'LIC-001'
		});
		return byOwner(f, response);
	},
	[`POST ${A}/questionnaire?/bulk`]: async (f) => {
		const next = await carriedOver(f);
		const response = await f.owner.post(`${next}/questionnaire?/bulk`, {
			__superform_id: 'bulk',
			items: 'LIC-001:1',
			change: 'confirm'
		});
		return byOwner(f, response);
	},
	[`POST ${A}/items/[itemId]?/save`]: async (f) =>
		byOwner(f, await f.owner.post(`${f.base}/items/LIC-002?/save`, answerForm('LIC-002'))),
	[`POST ${A}/items/[itemId]?/confirm`]: async (f) => {
		const next = await carriedOver(f);
		const response = await f.owner.post(`${next}/items/LIC-001?/confirm`, {
			__superform_id: 'confirm-carried-over',
			itemId: 'LIC-001'
		});
		return byOwner(f, response);
	},
	[`POST ${A}/items/[itemId]?/comment`]: async (f) =>
		byOwner(
			f,
			await f.owner.post(`${f.base}/items/LIC-001?/comment`, {
				__superform_id: 'comment',
				itemId: 'LIC-001',
				body: 'Please attach the board minutes.'
			})
		),
	[`POST ${A}/items/[itemId]?/review`]: async (f) =>
		byOwner(
			f,
			await f.owner.post(`${f.base}/items/LIC-001?/review`, {
				itemId: 'LIC-001',
				decision: 'accepted'
			})
		),
	[`POST ${A}/items/[itemId]/evidence`]: async (f) =>
		byOwner(f, await postEvidence(f, `${f.base}/items/LIC-001/evidence`)),
	[`POST ${A}/items/[itemId]?/reviewEvidence`]: async (f) => {
		const fileId = await evidenceFileOn(f, 'LIC-001');
		const response = await f.owner.post(`${f.base}/items/LIC-001?/reviewEvidence`, {
			itemId: 'LIC-001',
			fileId,
			status: 'accepted'
		});
		return byOwner(f, response);
	},
	[`POST ${A}/items/[itemId]?/removeEvidence`]: async (f) => {
		const fileId = await evidenceFileOn(f, 'LIC-001');
		const response = await f.owner.post(`${f.base}/items/LIC-001?/removeEvidence`, {
			itemId: 'LIC-001',
			fileId
		});
		return byOwner(f, response);
	},
	[`POST ${A}/items/[itemId]?/requestEvidence`]: async (f) =>
		byOwner(
			f,
			await f.owner.post(`${f.base}/items/LIC-001?/requestEvidence`, {
				__superform_id: 'evidence-request',
				itemId: 'LIC-001',
				description: 'The signed outsourcing contract',
				dueOn: '2027-01-15'
			})
		),
	[`POST ${A}/review?/accept_item`]: async (f) =>
		byOwner(
			f,
			await f.owner.post(`${f.base}/review?/accept_item`, {
				__superform_id: 'review-list',
				itemId: 'LIC-001'
			})
		),
	[`POST ${A}/review?/flag_item`]: async (f) =>
		byOwner(
			f,
			await f.owner.post(`${f.base}/review?/flag_item`, {
				__superform_id: 'review-list',
				itemId: 'LIC-001'
			})
		),
	[`POST ${A}/review?/accept_chosen`]: async (f) =>
		byOwner(
			f,
			await f.owner.post(`${f.base}/review?/accept_chosen`, {
				__superform_id: 'review-list',
				items: 'LIC-001'
			})
		),
	[`POST ${A}/review?/submit`]: async (f) => {
		const path = await freshAssessment(f);
		return byOwner(f, await f.owner.post(`${path}/review?/submit`, {}));
	},
	[`POST ${A}/review?/request_changes`]: async (f) => {
		const path = await freshAssessment(f);
		await moved(f, path, 'submit');
		return byOwner(f, await f.owner.post(`${path}/review?/request_changes`, {}));
	},
	[`POST ${A}/review?/finalise`]: async (f) => {
		const path = await freshAssessment(f);
		await moved(f, path, 'submit');
		return byOwner(f, await f.owner.post(`${path}/review?/finalise`, FINALISE_OVER));
	},
	[`POST ${A}/review?/reopen`]: async (f) => {
		const path = await freshAssessment(f);
		await moved(f, path, 'submit', 'finalise');
		const response = await f.owner.post(`${path}/review?/reopen`, {
			__superform_id: 'reopen',
			reason: 'The registered name was wrong.'
		});
		return byOwner(f, response);
	},
	[`POST ${A}/result?/importTemplate`]: async (f) => {
		const file = await f.owner.download(`${f.base}/template.xlsx?lang=en`);
		expect(file.status).toBe(200);
		const response = await postFile(f.owner, `${f.base}/result?/importTemplate`, {
			name: 'template.xlsx',
			type: XLSX,
			bytes: file.bytes
		});
		return byOwner(f, response);
	},
	[`POST ${A}/result/action-plan?/actionStatus`]: async (f) => {
		const path = await freshAssessment(f);
		const saved = await f.owner.post(`${path}/questionnaire?/save`, answerForm('LIC-001'));
		expect(saved.status).toBe(200);
		const response = await f.owner.post(`${path}/result/action-plan?/actionStatus`, {
			__superform_id: 'action-status',
			items: 'LIC-001',
			status: 'in_progress'
		});
		return byOwner(f, response);
	},
	[`POST ${A}/result?/reportStatement`]: async (f) => {
		const path = await freshAssessment(f);
		const response = await f.owner.post(`${path}/result?/reportStatement`, {
			__superform_id: 'report-statement',
			version: '0',
			opinion_zh: '总体意见',
			opinion_en: 'Overall opinion',
			scope_zh: '',
			scope_en: ''
		});
		return byOwner(f, response);
	},
	[`POST ${A}/result/observations/[itemId]?/save`]: async (f) => {
		const path = await freshAssessment(f);
		const saved = await f.owner.post(`${path}/questionnaire?/save`, answerForm('LIC-001'));
		expect(saved.status).toBe(200);
		const response = await f.owner.post(`${path}/result/observations/LIC-001?/save`, {
			__superform_id: 'observation-LIC-001',
			item: 'LIC-001',
			version: '0',
			text_zh: '',
			text_en: 'Observed'
		});
		return byOwner(f, response);
	},
	[`POST ${A}/pack?/save`]: async (f) =>
		byOwner(
			f,
			await f.owner.post(`${f.base}/pack?/save`, {
				service_name: '智能适当性匹配服务',
				planned_filing_date: '2027-03-01',
				validity_months: '3'
			})
		),
	[`POST ${A}/pack?/edit`]: async (f) =>
		byOwner(
			f,
			await f.owner.post(`${f.base}/pack?/edit`, {
				__superform_id: 'edit-complaint_response',
				section: 'complaint_response',
				text: '投诉热线 95500，48 小时内答复。',
				base_hash: '0000abcd'
			})
		),
	'POST /o/[orgId=uuid]/notifications?/read': async (f) => {
		const consultant = await mentionedMember(f);
		const page = await consultant.browser.get(`/o/${f.orgId}/notifications`);
		const id = page.body.match(/data-id="([0-9a-f-]{36})"/)![1]!;
		const response = await consultant.browser.post(`/o/${f.orgId}/notifications?/read`, {
			ids: [id]
		});
		return { response, actor: consultant.email };
	},
	'POST /o/[orgId=uuid]/notifications?/open': async (f) => {
		const consultant = await mentionedMember(f);
		const page = await consultant.browser.get(`/o/${f.orgId}/notifications`);
		const id = page.body.match(/data-id="([0-9a-f-]{36})"/)![1]!;
		const response = await consultant.browser.post(`/o/${f.orgId}/notifications?/open`, { id });
		return { response, actor: consultant.email };
	},
	'POST /o/[orgId=uuid]/notifications?/readAll': async (f) => {
		const consultant = await mentionedMember(f);
		const response = await consultant.browser.post(`/o/${f.orgId}/notifications?/readAll`, {});
		return { response, actor: consultant.email };
	},
	'POST /o/[orgId=uuid]/notifications?/preferences': async (f) =>
		byOwner(
			f,
			await f.owner.post(`/o/${f.orgId}/notifications?/preferences`, {
				__superform_id: 'preferences',
				inApp: 'on',
				digest: 'on'
			})
		),
	[`POST ${A}/schedule?/save`]: async (f) => {
		const path = await freshAssessment(f);
		const response = await f.owner.post(`${path}/schedule?/save`, {
			dueDate: '2027-06-30',
			responsibleUserId: ''
		});
		return byOwner(f, response);
	},
	[`POST ${A}/lifecycle?/archive`]: async (f) => {
		const path = await freshAssessment(f);
		return byOwner(f, await f.owner.post(`${path}/lifecycle?/archive`, {}));
	},
	[`POST ${A}/lifecycle?/restore`]: async (f) => {
		const path = await freshAssessment(f);
		expect((await f.owner.post(`${path}/lifecycle?/archive`, {})).status).toBe(200);
		return byOwner(f, await f.owner.post(`${path}/lifecycle?/restore`, {}));
	},
	[`POST ${A}/lifecycle?/delete`]: async (f) => {
		const path = await freshAssessment(f);
		return byOwner(f, await f.owner.post(`${path}/lifecycle?/delete`, CONFIRMED));
	},
	[`POST ${A}/lifecycle?/purge`]: async (f) => {
		const title = `Purged ${Math.random()}`;
		const path = await startClientAssessment(f.owner, f.orgId, f.clientA, title);
		expect((await f.owner.post(`${path}/lifecycle?/delete`, CONFIRMED)).status).toBe(303);
		const response = await f.owner.post(`${path}/lifecycle?/purge`, {
			__superform_id: 'purge',
			confirmation: title
		});
		return byOwner(f, response);
	},
	[`POST ${C}/lifecycle?/archive`]: async (f) => {
		const path = await freshClient(f);
		return byOwner(f, await f.owner.post(`${path}/lifecycle?/archive`, {}));
	},
	[`POST ${C}/lifecycle?/restore`]: async (f) => {
		const path = await freshClient(f);
		expect((await f.owner.post(`${path}/lifecycle?/archive`, {})).status).toBe(200);
		return byOwner(f, await f.owner.post(`${path}/lifecycle?/restore`, {}));
	},
	[`POST ${C}/lifecycle?/delete`]: async (f) => {
		const path = await freshClient(f);
		return byOwner(f, await f.owner.post(`${path}/lifecycle?/delete`, CONFIRMED));
	},
	[`POST ${C}/lifecycle?/purge`]: async (f) => {
		const name = `Purged client ${Math.random()}`;
		const path = await freshClient(f, name);
		expect((await f.owner.post(`${path}/lifecycle?/delete`, CONFIRMED)).status).toBe(303);
		const response = await f.owner.post(`${path}/lifecycle?/purge`, {
			__superform_id: 'purge',
			confirmation: name
		});
		return byOwner(f, response);
	},
	[`POST ${A}/version?/move`]: async (f) => {
		// An assessment on the older questionnaire: the base one, exported and imported on it.
		const file = JSON.stringify({ ...(await exported(f)), questionnaire_version: f.oldVersion });
		const imported = await postFile(
			f.owner,
			`/o/${f.orgId}/assessments?/import`,
			{ name: 'old.json', type: 'application/json', bytes: file },
			{ clientId: f.clientA }
		);
		expect(imported.status).toBe(303);
		const path = imported.location!.replace(/\/result$/, '');
		return byOwner(f, await f.owner.post(`${path}/version?/move`, {}));
	},

	// The API, through the fixture's token
	'POST /api/v1/clients': async (f) =>
		byToken(f, await f.api.post('/clients', { name: 'API client' })),
	'POST /api/v1/assessments': async (f) =>
		byToken(f, await f.api.post('/assessments', { profile: apiProfile, title: 'API 2026' })),
	'PUT /api/v1/assessments/[id]/answers/[item_id]': async (f) => {
		const created = await f.api.post('/assessments', { profile: apiProfile });
		expect(created.status).toBe(201);
		const response = await f.api.put(`/assessments/${created.json.id}/answers/LIC-001`, {
			status: 'compliant'
		});
		return byToken(f, response);
	},
	'PUT /api/v1/assessments/[id]/schedule': async (f) => {
		const created = await f.api.post('/assessments', { profile: apiProfile });
		expect(created.status).toBe(201);
		const response = await f.api.put(`/assessments/${created.json.id}/schedule`, {
			due_date: '2027-06-30',
			responsible_user_id: null
		});
		return byToken(f, response);
	},
	'PUT /api/v1/assessments/[id]/pack': async (f) => {
		const created = await f.api.post('/assessments', { profile: apiProfile });
		expect(created.status).toBe(201);
		const response = await f.api.put(`/assessments/${created.json.id}/pack`, {
			service_name: '智能适当性匹配服务',
			planned_filing_date: '2027-03-01',
			version: 0
		});
		return byToken(f, response);
	},
	'POST /api/v1/assessments/[id]/answers/[item_id]/evidence': async (f) => {
		const body = new FormData();
		body.append('file', new Blob(['%PDF-1.4 api'], { type: 'application/pdf' }), 'api.pdf');
		const response = await fetch(
			`${f.baseUrl}/api/v1/assessments/${idOf(f.base)}/answers/LIC-001/evidence`,
			{ method: 'POST', body, headers: { authorization: `Bearer ${f.token}` } }
		);
		return byToken(f, response);
	},
	'POST /api/v1/assessments/import': async (f) => {
		const file = await f.api.get(`/assessments/${idOf(f.base)}/export`);
		expect(file.status).toBe(200);
		return byToken(f, await f.api.post('/assessments/import?confirm_other_client=true', file.json));
	}
};

interface Result {
	status?: number;
	requestId?: string | null;
	actor?: string;
	viaToken?: boolean;
	error?: string;
}

interface AuditRow {
	request_id: string | null;
	actor_id: string | null;
	api_token_id: string | null;
	action: string;
}

const discovered = mutatingRoutes();

describe('the audit log and the route tree', () => {
	let scratch: ScratchDatabase;
	let server: RunningServer | null = null;
	const results = new Map<string, Result>();
	let rows: AuditRow[] = [];
	const users = new Map<string, string>();
	let tokenId: string | null = null;

	beforeAll(async () => {
		scratch = await createScratchDatabase(testDbKind(), 'audit_routes');
		const open = () =>
			openDatabase({
				databaseUrl: scratch.env.DATABASE_URL ?? null,
				dataDir: scratch.env.DATA_DIR
			});
		// An older questionnaire (one item reworded) stored first, so the current one is newer.
		const seeds = seedsCorpus();
		const old = structuredClone(seeds);
		old.items[0]!.question.en += ' (2025 wording)';
		let database: OpenedDatabase = await open();
		await migrateToLatest(database.db);
		const oldVersion = (await installCorpus(database.db, old)).hash;
		await database.close();

		server = await startServer(scratch.env);
		const baseUrl = server.baseUrl;
		const owner = new Browser(baseUrl, { lang: 'en' });
		const { email: ownerEmail, orgId } = await signUp(owner, {
			orgName: '外滩合规咨询',
			orgKind: 'consultancy'
		});
		const clientA = await createClient(owner, orgId, { name: 'Client A' });
		const base = await startClientAssessment(owner, orgId, clientA, 'A 2026');
		expect((await saveAnswer(owner, base, 'LIC-001', 0, { status: 'compliant' })).status).toBe(200);
		const token = await createTokenInSettings(owner, orgId, 'audit-coverage');
		const fixture: Fixture = {
			baseUrl,
			owner,
			ownerEmail,
			orgId,
			clientA,
			base,
			api: new Api(token, baseUrl),
			token,
			oldVersion
		};

		for (const [route, recipe] of Object.entries(RECIPES)) {
			try {
				const { response, actor, viaToken } = await recipe(fixture);
				results.set(route, {
					status: response.status,
					requestId: response.headers.get('x-request-id'),
					actor,
					viaToken
				});
			} catch (error) {
				results.set(route, { error: error instanceof Error ? error.stack : String(error) });
			}
		}

		// The embedded database is the server's alone while it runs: read the log after.
		await server.stop();
		server = null;
		database = await open();
		try {
			const requestIds = [...results.values()].flatMap((r) => (r.requestId ? [r.requestId] : []));
			rows = await database.db
				.selectFrom('audit_log')
				.select(['request_id', 'actor_id', 'api_token_id', 'action'])
				.where('request_id', 'in', requestIds)
				.execute();
			const emails = [...results.values()].flatMap((r) => (r.actor ? [r.actor] : []));
			for (const u of await database.db
				.selectFrom('users')
				.select(['id', 'email'])
				.where('email', 'in', emails)
				.execute())
				users.set(u.email, u.id);
			tokenId =
				(
					await database.db
						.selectFrom('api_tokens')
						.select('id')
						.where('token_hash', '=', hashApiToken(token))
						.executeTakeFirst()
				)?.id ?? null;
		} finally {
			await database.close();
		}
	}, 900_000);

	afterAll(async () => {
		await server?.stop();
		await scratch?.drop();
	});

	it('discovers the mutating routes from the source: form actions, endpoints, the API', () => {
		expect(discovered).toEqual(
			expect.arrayContaining([
				'POST /o/[orgId=uuid]/members?/role',
				'POST /o/[orgId=uuid]/settings?/createToken',
				`POST ${A}/review?/finalise`,
				'POST /(auth)/login',
				'PUT /api/v1/assessments/[id]/answers/[item_id]'
			])
		);
	});

	it('has a recipe, or a stated exemption, for every mutating route (and none for a route that is gone)', () => {
		const covered = new Set([...Object.keys(RECIPES), ...Object.keys(EXEMPT)]);
		expect(discovered.filter((r) => !covered.has(r))).toEqual([]);
		expect([...covered].filter((r) => !discovered.includes(r))).toEqual([]);
		expect(Object.keys(RECIPES).filter((r) => r in EXEMPT)).toEqual([]);
	});

	for (const route of Object.keys(RECIPES))
		it(`${route} leaves an audit row attributed to whoever made the request`, () => {
			const result = results.get(route)!;
			expect(result.error).toBeUndefined();
			expect([200, 201, 303]).toContain(result.status);
			expect(result.requestId).toBeTruthy();
			const mine = rows.filter((r) => r.request_id === result.requestId);
			expect(mine.length, `${route} left no audit row`).toBeGreaterThan(0);
			const userId = users.get(result.actor!);
			expect(userId).toBeDefined();
			for (const row of mine) {
				expect(row.actor_id).toBe(userId);
				expect(row.api_token_id).toBe(result.viaToken ? tokenId : null);
			}
		});
});
