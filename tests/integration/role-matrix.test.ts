import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp as signUpService } from '../../src/lib/server/auth/accounts';
import { openDatabase } from '../../src/lib/server/db/connection';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { createInvitation } from '../../src/lib/server/orgs/invitations';
import { Browser, PASSWORD, signUp, uniqueEmail } from '../helpers/browser';
import { createScratchDatabase, testDbKind, type ScratchDatabase } from '../setup/databases';
import { startServer, type RunningServer } from '../setup/server-process';
import { Api, createTokenInSettings } from '../helpers/api';
import { saveAnswer } from '../helpers/assessment';
import { postFile } from '../helpers/upload';
import {
	consultancy,
	createClient,
	inviteMember,
	inviteRespondent,
	joinByInvitation,
	startClientAssessment,
	FINALISE_OVER
} from '../helpers/consultancy';

/**
 * Every organisation route × every kind of actor. A row names a route (GET page, POST action or
 * download) and what each actor gets: a status, 'login' (a redirect to the login page) or 'verify'
 * (to the page that takes the code mailed to the address: `unverified` signed up with the address
 * an invitation names, and never entered it).
 * Routes added later append one line each to ROUTES.
 *
 * Posts carry deliberately incomplete or out-of-state input, so an allowed actor passes the
 * guard and gets 400 (invalid form) or 409 (wrong state) without changing anything.
 */
const ACTORS = [
	'owner',
	'consultant',
	'viewer',
	'respondentA',
	'respondentB',
	'outsider',
	'unverified',
	'anonymous'
] as const;
type Actor = (typeof ACTORS)[number];
type Outcome = number | 'login' | 'verify';
type Expectation = Record<Actor, Outcome>;

interface Fixture {
	org: string;
	clientA: string;
	clientB: string;
	/** A draft assessment of client A, one of client B, and a final one of client A. */
	a: string;
	b: string;
	finalA: string;
	/** An open invitation link made for an address none of the actors has. */
	otherAddressInvite: string;
	/** An owner invitation made by an owner who was then removed. */
	removedMembersInvite: string;
	/** The invitation `unverified` signed up through. */
	unverifiedsInvite: string;
	/** An evidence file on ITEM of assessment a, and one of assessment b. */
	fileA: string;
	fileB: string;
}

interface Route {
	method: 'GET' | 'POST';
	path: (f: Fixture) => string;
	form?: (f: Fixture) => Record<string, string | string[]>;
	expect: Expectation;
}

const NOBODY_ELSE = { outsider: 404, unverified: 'verify', anonymous: 'login' } as const;
/** Everyone in the organisation (respondents see their own reach: their overview, their list). */
const ANY_MEMBER: Expectation = {
	owner: 200,
	consultant: 200,
	viewer: 200,
	respondentA: 200,
	respondentB: 200,
	...NOBODY_ELSE
};
/** Organisation-wide pages: a respondent restricted to one client does not get them. */
const ORG_WIDE: Expectation = { ...ANY_MEMBER, respondentA: 404, respondentB: 404 };
/** Client A's things: its respondent reaches them, client B's does not. */
const CLIENT_A: Expectation = { ...ANY_MEMBER, respondentB: 404 };
const CLIENT_B: Expectation = { ...ANY_MEMBER, respondentA: 404 };
const with_ = (base: Expectation, overrides: Partial<Expectation>): Expectation => ({
	...base,
	...overrides
});
/** An invitation link to everyone: the page (anyone may look), and accepting (signed in first). */
const OPEN_LINK: Expectation = { ...ANY_MEMBER, outsider: 200, unverified: 200, anonymous: 200 };
const everyone = (status: number): Expectation =>
	Object.fromEntries(ACTORS.map((actor) => [actor, status])) as Expectation;
const accepting = (status: number): Expectation => ({
	...everyone(status),
	unverified: 'verify',
	anonymous: 'login'
});
const get = (path: Route['path'], expect: Expectation): Route => ({ method: 'GET', path, expect });
const post = (path: Route['path'], form: Route['form'], expect: Expectation): Route => ({
	method: 'POST',
	path,
	form,
	expect
});

const ITEM = 'CMP-001';
/** The id at the end of an assessment's path. */
const idOf = (path: string) => path.split('/').pop()!;
const answerForm = () => ({ __superform_id: ITEM, itemId: ITEM, version: '0', status: '' });

const ROUTES: Route[] = [
	// Organisation
	get((f) => `/o/${f.org}`, ANY_MEMBER),
	get((f) => `/o/${f.org}/assessments`, ANY_MEMBER),
	post(
		(f) => `/o/${f.org}/assessments?/start`,
		() => ({ title: '' }),
		with_(ORG_WIDE, { owner: 400, consultant: 400, viewer: 403 })
	),
	get((f) => `/o/${f.org}/members`, ORG_WIDE),
	post(
		(f) => `/o/${f.org}/members?/invite`,
		() => ({ role: 'nobody' }),
		with_(ORG_WIDE, { owner: 400, consultant: 403, viewer: 403 })
	),
	post(
		(f) => `/o/${f.org}/members?/role`,
		() => ({ userId: 'x', role: 'owner' }),
		with_(ORG_WIDE, { owner: 400, consultant: 403, viewer: 403 })
	),
	post(
		(f) => `/o/${f.org}/members?/remove`,
		() => ({ userId: 'x' }),
		with_(ORG_WIDE, { owner: 400, consultant: 403, viewer: 403 })
	),
	post(
		(f) => `/o/${f.org}/members?/revoke`,
		() => ({ invitationId: 'x' }),
		with_(ORG_WIDE, { owner: 400, consultant: 403, viewer: 403 })
	),
	post(
		(f) => `/o/${f.org}/members?/resend`,
		() => ({ invitationId: 'x' }),
		with_(ORG_WIDE, { owner: 400, consultant: 403, viewer: 403 })
	),
	get((f) => `/o/${f.org}/members/access`, with_(ORG_WIDE, { consultant: 403, viewer: 403 })),
	// An invitation made for another address: nobody here may accept it (anonymous: log in first).
	get((f) => f.otherAddressInvite, OPEN_LINK),
	post(
		(f) => `${f.otherAddressInvite}?/accept`,
		() => ({}),
		accepting(403)
	),
	// The invitation an unverified account's address was given: the address must be verified first.
	get((f) => f.unverifiedsInvite, OPEN_LINK),
	post(
		(f) => `${f.unverifiedsInvite}?/accept`,
		() => ({}),
		accepting(403)
	),
	// The invitation a member made before they were removed: gone for everyone.
	get((f) => f.removedMembersInvite, everyone(410)),
	post(
		(f) => `${f.removedMembersInvite}?/accept`,
		() => ({}),
		accepting(410)
	),
	// Clients
	get((f) => `/o/${f.org}/clients`, ORG_WIDE),
	post(
		(f) => `/o/${f.org}/clients?/create`,
		() => ({ name: '' }),
		with_(ORG_WIDE, { owner: 400, consultant: 400, viewer: 403 })
	),
	get((f) => `/o/${f.org}/clients/${f.clientA}`, ORG_WIDE),
	get(
		(f) => `/o/${f.org}/clients/${crypto.randomUUID()}`,
		with_(ORG_WIDE, { owner: 404, consultant: 404, viewer: 404 })
	),
	post(
		(f) => `/o/${f.org}/clients/${f.clientA}?/update`,
		() => ({ name: '' }),
		with_(ORG_WIDE, { owner: 400, consultant: 400, viewer: 403 })
	),
	post(
		(f) => `/o/${f.org}/clients/${f.clientA}?/start`,
		() => ({ title: '' }),
		with_(ORG_WIDE, { owner: 400, consultant: 400, viewer: 403 })
	),
	post(
		(f) => `/o/${f.org}/clients/${f.clientA}?/invite`,
		() => ({ role: 'respondent', email: 'not-an-email' }),
		with_(ORG_WIDE, { owner: 400, consultant: 400, viewer: 403 })
	),
	// A client's lifecycle: those who manage clients; a viewer or respondent finds no such page.
	// Out-of-state or unconfirmed, so nothing moves: restoring one in use (409), deleting without
	// the ticked box (400), purging one not deleted (an owner's: 409; a consultant's: 403).
	get((f) => `/o/${f.org}/clients/${f.clientA}/lifecycle`, with_(ORG_WIDE, { viewer: 404 })),
	post(
		(f) => `/o/${f.org}/clients/${f.clientA}/lifecycle?/restore`,
		() => ({}),
		with_(ORG_WIDE, { owner: 409, consultant: 409, viewer: 404 })
	),
	post(
		(f) => `/o/${f.org}/clients/${f.clientA}/lifecycle?/delete`,
		() => ({ __superform_id: 'delete' }),
		with_(ORG_WIDE, { owner: 400, consultant: 400, viewer: 404 })
	),
	post(
		(f) => `/o/${f.org}/clients/${f.clientA}/lifecycle?/purge`,
		() => ({ __superform_id: 'purge', confirmation: '' }),
		with_(ORG_WIDE, { owner: 409, consultant: 403, viewer: 404 })
	),
	// An assessment's lifecycle, the same way.
	get((f) => `${f.a}/lifecycle`, with_(CLIENT_A, { viewer: 404, respondentA: 404 })),
	post(
		(f) => `${f.a}/lifecycle?/delete`,
		() => ({ __superform_id: 'delete' }),
		with_(CLIENT_A, { owner: 400, consultant: 400, viewer: 404, respondentA: 404 })
	),
	// An assessment of client A
	get((f) => f.a, with_(CLIENT_A, { owner: 303, consultant: 303, viewer: 303, respondentA: 303 })),
	get((f) => `${f.a}/profile`, CLIENT_A),
	post(
		(f) => `${f.a}/profile`,
		() => ({ version: '1' }),
		with_(CLIENT_A, { owner: 400, consultant: 400, viewer: 403, respondentA: 400 })
	),
	get((f) => `${f.a}/questionnaire`, CLIENT_A),
	post(
		(f) => `${f.a}/questionnaire?/save`,
		answerForm,
		with_(CLIENT_A, { owner: 400, consultant: 400, viewer: 403, respondentA: 400 })
	),
	get((f) => `${f.a}/items/${ITEM}`, CLIENT_A),
	get((f) => `${f.a}/items/${ITEM}/reference`, CLIENT_A),
	post(
		(f) => `${f.a}/items/${ITEM}?/save`,
		answerForm,
		with_(CLIENT_A, { owner: 400, consultant: 400, viewer: 403, respondentA: 400 })
	),
	post(
		(f) => `${f.a}/items/${ITEM}?/comment`,
		() => ({ __superform_id: 'comment', itemId: ITEM, body: '' }),
		with_(CLIENT_A, { owner: 400, consultant: 400, viewer: 403, respondentA: 400 })
	),
	post(
		(f) => `${f.a}/items/${ITEM}?/review`,
		() => ({ itemId: ITEM, decision: 'maybe' }),
		with_(CLIENT_A, { owner: 400, consultant: 400, viewer: 403, respondentA: 403 })
	),
	// The review list's decisions: reviewers only (an unknown item is refused before any write).
	post(
		(f) => `${f.a}/review?/accept_item`,
		() => ({ __superform_id: 'review-list', itemId: 'nope' }),
		with_(CLIENT_A, { owner: 400, consultant: 400, viewer: 403, respondentA: 403 })
	),
	post(
		(f) => `${f.a}/review?/flag_item`,
		() => ({ __superform_id: 'review-list', itemId: 'nope' }),
		with_(CLIENT_A, { owner: 400, consultant: 400, viewer: 403, respondentA: 403 })
	),
	post(
		(f) => `${f.a}/review?/accept_chosen`,
		() => ({ __superform_id: 'review-list' }),
		with_(CLIENT_A, { owner: 400, consultant: 400, viewer: 403, respondentA: 403 })
	),
	get((f) => `${f.a}/result`, CLIENT_A),
	// The action plan's page and its status form; an observation's page (LIC-001 is a gap of a; no
	// item is named ZZZ-999) and its form: reviewers write, everyone who sees the result reads.
	get((f) => `${f.a}/result/action-plan`, CLIENT_A),
	get(
		(f) => `${f.a}/result/action-plan?status=finished`,
		with_(CLIENT_A, { owner: 400, consultant: 400, viewer: 400, respondentA: 400 })
	),
	post(
		(f) => `${f.a}/result/action-plan?/actionStatus`,
		() => ({ __superform_id: 'action-status' }),
		with_(CLIENT_A, { owner: 400, consultant: 400, viewer: 403, respondentA: 400 })
	),
	get((f) => `${f.a}/result/observations/LIC-001`, CLIENT_A),
	get(
		(f) => `${f.a}/result/observations/ZZZ-999`,
		with_(CLIENT_A, { owner: 404, consultant: 404, viewer: 404, respondentA: 404 })
	),
	post(
		(f) => `${f.a}/result/observations/LIC-001?/save`,
		() => ({ __superform_id: 'observation-LIC-001', item: 'LIC-001', version: 'x' }),
		with_(CLIENT_A, { owner: 400, consultant: 400, viewer: 403, respondentA: 403 })
	),
	get((f) => `${f.a}/review`, CLIENT_A),
	// A draft cannot be sent back, finalised or re-opened: reviewers pass the guard and get 409.
	post(
		(f) => `${f.a}/review?/request_changes`,
		() => ({}),
		with_(CLIENT_A, { owner: 409, consultant: 409, viewer: 403, respondentA: 403 })
	),
	post(
		(f) => `${f.a}/review?/finalise`,
		() => ({}),
		with_(CLIENT_A, { owner: 409, consultant: 409, viewer: 403, respondentA: 403 })
	),
	post(
		(f) => `${f.a}/review?/reopen`,
		() => ({ reason: 'x' }),
		with_(CLIENT_A, { owner: 409, consultant: 403, viewer: 403, respondentA: 403 })
	),
	get((f) => `${f.a}/print?lang=en`, CLIENT_A),
	get((f) => `${f.a}/report.pdf?lang=en`, CLIENT_A),
	// A final assessment of client A: a submit is out of state; answers are locked.
	post(
		(f) => `${f.finalA}/review?/submit`,
		() => ({}),
		with_(CLIENT_A, { owner: 409, consultant: 409, viewer: 403, respondentA: 409 })
	),
	post(
		(f) => `${f.finalA}/review?/reopen`,
		() => ({ reason: '' }),
		with_(CLIENT_A, { owner: 400, consultant: 403, viewer: 403, respondentA: 403 })
	),
	post(
		(f) => `${f.finalA}/items/${ITEM}?/save`,
		() => ({ ...answerForm(), status: 'compliant' }),
		with_(CLIENT_A, { owner: 409, consultant: 409, viewer: 403, respondentA: 409 })
	),
	// Downloads, history and versions of client A's assessment (whole-assessment views).
	get((f) => `${f.a}/action-plan.csv?lang=en`, CLIENT_A),
	get((f) => `${f.a}/action-plan.xlsx?lang=zh`, CLIENT_A),
	get((f) => `${f.a}/export.json`, CLIENT_A),
	get((f) => `${f.a}/template.xlsx?lang=both`, CLIENT_A),
	post(
		(f) => `${f.a}/result?/importTemplate`,
		() => ({}),
		with_(CLIENT_A, { owner: 400, consultant: 400, viewer: 403, respondentA: 403 })
	),
	get((f) => `${f.a}/compare`, CLIENT_A),
	get((f) => `${f.a}/compare/${idOf(f.finalA)}`, CLIENT_A),
	get((f) => `${f.a}/compare/${idOf(f.finalA)}/compare.csv`, CLIENT_A),
	// Assessments of two different clients are never compared.
	get(
		(f) => `${f.a}/compare/${idOf(f.b)}`,
		with_(CLIENT_A, { owner: 404, consultant: 404, viewer: 404, respondentA: 404 })
	),
	get((f) => `${f.a}/version`, CLIENT_A),
	post(
		(f) => `${f.a}/questionnaire?/confirm`,
		() => ({}),
		with_(CLIENT_A, { owner: 400, consultant: 400, viewer: 403, respondentA: 400 })
	),
	post(
		(f) => `/o/${f.org}/assessments?/next`,
		() => ({ previousId: 'not-a-uuid' }),
		with_(ORG_WIDE, { owner: 400, consultant: 400, viewer: 403 })
	),
	post(
		(f) => `/o/${f.org}/assessments?/import`,
		() => ({}),
		with_(ORG_WIDE, { owner: 400, consultant: 400, viewer: 403 })
	),
	// Organisation settings: owners only.
	get((f) => `/o/${f.org}/settings`, with_(ORG_WIDE, { consultant: 403, viewer: 403 })),
	post(
		(f) => `/o/${f.org}/settings?/createToken`,
		() => ({ name: '' }),
		with_(ORG_WIDE, { owner: 400, consultant: 403, viewer: 403 })
	),
	post(
		(f) => `/o/${f.org}/settings?/logo`,
		() => ({}),
		with_(ORG_WIDE, { owner: 400, consultant: 403, viewer: 403 })
	),
	// Evidence files: downloaded by whoever sees the answer; uploaded by whoever may edit it (a form
	// post that is not multipart is refused as such); reviewed and requested by reviewers.
	get((f) => `${f.a}/evidence/${f.fileA}`, CLIENT_A),
	get((f) => `${f.b}/evidence/${f.fileB}`, CLIENT_B),
	// A file of assessment b asked for through assessment a: not found, even to the owner.
	get(
		(f) => `${f.a}/evidence/${f.fileB}`,
		with_(CLIENT_A, { owner: 404, consultant: 404, viewer: 404, respondentA: 404 })
	),
	post(
		(f) => `${f.a}/items/${ITEM}/evidence`,
		() => ({ effective_on: '2026-12-01' }),
		with_(CLIENT_A, { owner: 400, consultant: 400, viewer: 403, respondentA: 400 })
	),
	post(
		(f) => `${f.finalA}/items/${ITEM}/evidence`,
		() => ({}),
		with_(CLIENT_A, { owner: 403, consultant: 403, viewer: 403, respondentA: 403 })
	),
	post(
		(f) => `${f.a}/items/${ITEM}?/reviewEvidence`,
		(f) => ({ itemId: ITEM, fileId: f.fileA, status: 'maybe' }),
		with_(CLIENT_A, { owner: 400, consultant: 400, viewer: 403, respondentA: 403 })
	),
	post(
		(f) => `${f.a}/items/${ITEM}?/removeEvidence`,
		() => ({ itemId: ITEM, fileId: 'x' }),
		with_(CLIENT_A, { owner: 400, consultant: 400, viewer: 403, respondentA: 400 })
	),
	post(
		(f) => `${f.a}/items/${ITEM}?/requestEvidence`,
		() => ({ __superform_id: 'evidence-request', itemId: ITEM, description: '' }),
		with_(CLIENT_A, { owner: 400, consultant: 400, viewer: 403, respondentA: 403 })
	),
	// An assessment of client B
	get(
		(f) => `${f.b}/compare/${idOf(f.a)}`,
		with_(CLIENT_B, { owner: 404, consultant: 404, viewer: 404, respondentB: 404 })
	),
	get((f) => `${f.b}/questionnaire`, CLIENT_B),
	get((f) => `${f.b}/items/${ITEM}`, CLIENT_B),
	get((f) => `${f.b}/items/${ITEM}/reference`, CLIENT_B),
	get((f) => `${f.b}/result`, CLIENT_B),
	get((f) => `${f.b}/report.pdf?lang=zh`, CLIENT_B),
	post(
		(f) => `${f.b}/items/${ITEM}?/save`,
		answerForm,
		with_(CLIENT_B, { owner: 400, consultant: 400, viewer: 403, respondentB: 400 })
	),
	// Notifications: each member's own; the activity of an assessment, for those who reach it.
	get((f) => `/o/${f.org}/notifications`, ANY_MEMBER),
	post(
		(f) => `/o/${f.org}/notifications?/read`,
		() => ({ ids: 'not-an-id' }),
		with_(ANY_MEMBER, {
			owner: 400,
			consultant: 400,
			viewer: 400,
			respondentA: 400,
			respondentB: 400
		})
	),
	post(
		(f) => `/o/${f.org}/notifications?/open`,
		() => ({ id: 'not-an-id' }),
		with_(ANY_MEMBER, {
			owner: 400,
			consultant: 400,
			viewer: 400,
			respondentA: 400,
			respondentB: 400
		})
	),
	get((f) => `${f.a}/activity`, CLIENT_A),
	get((f) => `${f.b}/activity`, CLIENT_B),
	// The filing pack (its page, downloads and form), also of a final assessment
	get((f) => `${f.a}/pack`, CLIENT_A),
	get((f) => `${f.b}/pack`, CLIENT_B),
	post(
		(f) => `${f.a}/pack?/save`,
		() => ({ validity_months: 'many' }),
		with_(CLIENT_A, { owner: 400, consultant: 400, viewer: 403, respondentA: 400 })
	),
	post(
		(f) => `${f.finalA}/pack?/save`,
		() => ({ planned_filing_date: '2027-02-30' }),
		with_(CLIENT_A, { owner: 400, consultant: 400, viewer: 403, respondentA: 400 })
	)
];

/** The assessment the API rows read and write (assessment a), set once the fixture is made. */
const apiTarget = { assessment: '' };

const TOKENS = ['owner', 'readOnly', 'removed'] as const;
type TokenKind = (typeof TOKENS)[number];
/** The API with each kind of token: a read (GET /clients) and a write (POST /clients). */
const API_ROUTES: {
	label: string;
	call: (api: Api) => Promise<number>;
	expect: Record<TokenKind, number>;
}[] = [
	{
		label: 'GET /api/v1/clients',
		call: async (api) => (await api.get('/clients')).status,
		expect: { owner: 200, readOnly: 200, removed: 401 }
	},
	{
		label: 'POST /api/v1/clients',
		call: async (api) => (await api.post('/clients', { name: 'Matrix client' })).status,
		expect: { owner: 201, readOnly: 403, removed: 401 }
	},
	{
		label: 'POST /api/v1/assessments',
		call: async (api) => (await api.post('/assessments', {})).status,
		expect: { owner: 400, readOnly: 403, removed: 401 }
	},
	{
		label: 'GET /api/v1/assessments/{id}/pack',
		call: async (api) => (await api.get(`/assessments/${apiTarget.assessment}/pack`)).status,
		expect: { owner: 200, readOnly: 200, removed: 401 }
	},
	{
		label: 'PUT /api/v1/assessments/{id}/pack',
		call: async (api) =>
			(await api.put(`/assessments/${apiTarget.assessment}/pack`, { validity_months: 0 })).status,
		expect: { owner: 400, readOnly: 403, removed: 401 }
	}
];

const tokens = {} as Record<TokenKind, string>;

describe('role matrix', () => {
	const actors = {} as Record<Actor, Browser>;
	const fixture = {} as Fixture;

	beforeAll(async () => {
		const { owner, orgId } = await consultancy();
		actors.owner = owner;
		fixture.org = orgId;
		fixture.clientA = await createClient(owner, orgId, { name: 'Client A' });
		fixture.clientB = await createClient(owner, orgId, { name: 'Client B' });
		fixture.a = await startClientAssessment(owner, orgId, fixture.clientA, 'A 2026');
		fixture.b = await startClientAssessment(owner, orgId, fixture.clientB, 'B 2026');
		fixture.finalA = await startClientAssessment(owner, orgId, fixture.clientA, 'A 2025');
		apiTarget.assessment = idOf(fixture.a);
		// One gap on assessment a: its observation's page exists.
		expect(
			(await saveAnswer(owner, fixture.a, 'LIC-001', 0, { status: 'non_compliant' })).status
		).toBe(200);
		for (const [key, path] of [
			['fileA', fixture.a],
			['fileB', fixture.b]
		] as const) {
			const file = { name: 'policy.pdf', type: 'application/pdf', bytes: '%PDF-1.4 matrix' };
			expect((await postFile(owner, `${path}/items/${ITEM}/evidence`, file)).status).toBe(303);
			const page = await owner.get(`${path}/items/${ITEM}`);
			fixture[key] = page.body.match(/data-file-id="([0-9a-f-]{36})"/)![1]!;
		}
		expect((await saveAnswer(owner, fixture.finalA, ITEM, 0, { status: 'compliant' })).status).toBe(
			200
		);
		expect((await owner.post(`${fixture.finalA}/review?/submit`, {})).status).toBe(200);
		expect((await owner.post(`${fixture.finalA}/review?/finalise`, FINALISE_OVER)).status).toBe(
			200
		);

		actors.consultant = await joinByInvitation(await inviteMember(owner, orgId, 'consultant'));
		actors.viewer = await joinByInvitation(await inviteMember(owner, orgId, 'viewer'));
		actors.respondentA = await joinByInvitation(
			await inviteRespondent(owner, orgId, fixture.clientA)
		);
		actors.respondentB = await joinByInvitation(
			await inviteRespondent(owner, orgId, fixture.clientB)
		);
		actors.outsider = new Browser();
		await signUp(actors.outsider, { orgName: 'Another firm' });
		actors.anonymous = new Browser();
		// Signed up through an invitation for their address, the mailed code never entered.
		const unverifiedEmail = uniqueEmail('unverified');
		fixture.unverifiedsInvite = await inviteMember(owner, orgId, 'consultant', unverifiedEmail);
		actors.unverified = new Browser();
		const signedUp = await actors.unverified.post(
			`/signup?next=${encodeURIComponent(fixture.unverifiedsInvite)}`,
			{ name: '未验证', email: unverifiedEmail, password: PASSWORD, orgName: '', orgKind: 'firm' }
		);
		expect(signedUp.location).toMatch(/^\/verify-email/);
		// … and then logged in with the password: a session that reaches only the code's page.
		expect(
			(await actors.unverified.post('/login', { email: unverifiedEmail, password: PASSWORD }))
				.status
		).toBe(303);

		fixture.otherAddressInvite = await inviteMember(owner, orgId, 'owner', uniqueEmail('cfo'));
		// A second owner who makes a token (full and read-only) and an owner invitation, then is removed.
		const leaver = await joinByInvitation(await inviteMember(owner, orgId, 'owner'));
		tokens.removed = await createTokenInSettings(leaver, orgId, 'leaver');
		fixture.removedMembersInvite = await inviteMember(leaver, orgId, 'owner', uniqueEmail('x'));
		const members = await owner.get(`/o/${orgId}/members`);
		const ids = [
			...new Set(
				[...members.body.matchAll(/name="userId" value="([0-9a-f-]{36})"/g)].map((m) => m[1]!)
			)
		];
		expect((await owner.post(`/o/${orgId}/members?/remove`, { userId: ids.at(-1)! })).status).toBe(
			200
		);
		const readOnly = await owner.post(`/o/${orgId}/settings?/createToken`, {
			name: 'read only',
			scope: 'read_only',
			lifetimeDays: '7',
			currentPassword: PASSWORD
		});
		tokens.readOnly = readOnly.body.match(/sr_[a-z2-7]{52}/)![0];
		tokens.owner = await createTokenInSettings(owner, orgId, 'owner');
	});

	for (const route of ROUTES) {
		const label = `${route.method} ${route.path({
			org: ':org',
			clientA: ':clientA',
			clientB: ':clientB',
			a: ':a',
			b: ':b',
			finalA: ':finalA',
			otherAddressInvite: '/invite/:forAnotherAddress',
			removedMembersInvite: '/invite/:ofARemovedMember',
			unverifiedsInvite: '/invite/:forAnUnverifiedAddress',
			fileA: ':fileA',
			fileB: ':fileB'
		})}`;
		it(label, async () => {
			const got: Partial<Record<Actor, Outcome>> = {};
			for (const actor of ACTORS) {
				const browser = actors[actor];
				const path = route.path(fixture);
				const page =
					route.method === 'GET'
						? await browser.get(path)
						: await browser.post(path, route.form?.(fixture) ?? {});
				got[actor] =
					page.status === 303 && page.location?.startsWith('/login')
						? 'login'
						: page.status === 303 && page.location?.startsWith('/verify-email')
							? 'verify'
							: page.status;
				// Nothing of another organisation's is revealed on a refusal.
				if (page.status === 404) expect(page.text).not.toContain('Client A');
			}
			expect(got).toEqual(route.expect);
		});
	}

	for (const route of API_ROUTES)
		it(`${route.label} with each kind of token (the removed owner's, read-only, an owner's)`, async () => {
			const got = {} as Record<TokenKind, number>;
			for (const kind of TOKENS) got[kind] = await route.call(new Api(tokens[kind]));
			expect(got).toEqual(route.expect);
		});
});

/**
 * An expired invitation, to each kind of person: gone (410) for everyone, the address it names
 * included. Made in the database before the server starts (no form makes a link already expired),
 * so on a database of its own.
 */
describe('role matrix: an expired invitation', () => {
	let scratch: ScratchDatabase;
	let server: RunningServer;
	let link: string;
	const emails = { owner: uniqueEmail('exp-owner'), invitee: uniqueEmail('exp-invitee') };
	const outsider = uniqueEmail('exp-outsider');

	beforeAll(async () => {
		scratch = await createScratchDatabase(testDbKind(), 'expired-invitation');
		const database = await openDatabase({
			databaseUrl: scratch.env.DATABASE_URL ?? null,
			dataDir: scratch.env.DATA_DIR
		});
		try {
			await migrateToLatest(database.db);
			const person = async (email: string, orgName: string | null) => {
				const made = await signUpService(database.db, {
					name: email.split('@')[0]!,
					email,
					password: PASSWORD,
					orgName,
					orgKind: 'firm',
					emailVerifiedAt: new Date()
				});
				if (!made.ok) throw new Error(made.reason);
				return made;
			};
			const owner = await person(emails.owner, 'Expiring');
			await person(emails.invitee, null);
			await person(outsider, 'Elsewhere');
			const { token } = await createInvitation(
				database.db,
				{ userId: owner.userId },
				{ orgId: owner.orgId!, role: 'owner', email: emails.invitee, lifetimeMs: -1, origin: null }
			);
			link = `/invite/${token}`;
		} finally {
			await database.close();
		}
		server = await startServer(scratch.env);
	}, 200_000);
	afterAll(async () => {
		await server?.stop();
		await scratch?.drop();
	});

	it('answers 410 to the owner, the invited address, an outsider and a visitor', async () => {
		const got: Record<string, Outcome> = {};
		for (const [who, email] of Object.entries({ ...emails, outsider })) {
			const browser = new Browser(server.baseUrl);
			expect((await browser.post('/login', { email, password: PASSWORD })).status).toBe(303);
			got[`GET ${who}`] = (await browser.get(link)).status;
			got[`accept ${who}`] = (await browser.post(`${link}?/accept`, {})).status;
		}
		const visitor = new Browser(server.baseUrl);
		got['GET anonymous'] = (await visitor.get(link)).status;
		expect(got).toEqual({
			'GET owner': 410,
			'accept owner': 410,
			'GET invitee': 410,
			'accept invitee': 410,
			'GET outsider': 410,
			'accept outsider': 410,
			'GET anonymous': 410
		});
	});
});
