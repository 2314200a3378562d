import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Browser, PASSWORD, signUp, type Page } from '../helpers/browser';
import { baseProfile, saveAnswer, saveProfile, startAssessment } from '../helpers/assessment';
import {
	Api,
	apiAssessment,
	apiProfile,
	createTokenInSettings,
	type ApiResponse
} from '../helpers/api';

/** A signed-in firm owner with one assessment whose LIC-001 is answered, and an API token. */
interface Fixture {
	client: Browser;
	orgId: string;
	base: string;
	email: string;
	api: Api;
	/** An assessment started through the API, with its export as a valid import body. */
	apiAssessmentId: string;
	exported: Record<string, unknown>;
}

/**
 * Every form action, fuzzed with the same generator. To cover another form or an API body, add one
 * line: the method, the path, the field names it knows, and (where it writes) the page whose state a
 * refused request must leave exactly as it was.
 */
interface Target {
	name: string;
	method: 'POST' | 'GET' | 'PUT';
	/** A JSON body to /api/v1 with the fixture's Bearer token, instead of a form; state is an API path. */
	json?: {
		/** A valid body the fuzzed fields are laid over in about half the runs, to reach deeper checks. */
		valid?: (f: Fixture) => Record<string, unknown>;
	};
	path: (f: Fixture) => string;
	fields: string[];
	/** A page that shows what the action writes; compared before and after every refused request. */
	state?: (f: Fixture) => string;
	/** Fields sent as-is besides the fuzzed ones (e.g. superforms' form id). */
	fixed?: (f: Fixture) => Record<string, string>;
	/** A check after all runs, for what no page shows (a password). */
	verify?: (f: Fixture) => Promise<void>;
}

const TARGETS: Target[] = [
	{
		name: 'sign-up',
		method: 'POST',
		path: () => '/signup',
		fields: ['name', 'email', 'password', 'orgName', 'orgKind']
	},
	{ name: 'login', method: 'POST', path: () => '/login', fields: ['email', 'password', 'next'] },
	{
		name: 'account password',
		method: 'POST',
		path: () => '/account?/password',
		fields: ['currentPassword', 'newPassword', 'confirmPassword'],
		// Only the right current password can change it; no fuzzed request may have.
		verify: async (f) => {
			const again = new Browser(undefined, { lang: 'en' });
			expect((await again.post('/login', { email: f.email, password: PASSWORD })).status).toBe(303);
		}
	},
	{
		name: 'organisation create',
		method: 'POST',
		path: () => '/orgs?/create',
		fields: ['name', 'kind'],
		state: () => '/orgs'
	},
	{
		name: 'members invite',
		method: 'POST',
		path: (f) => `/o/${f.orgId}/members?/invite`,
		fields: ['role', 'email'],
		state: (f) => `/o/${f.orgId}/members`
	},
	{
		name: 'members role',
		method: 'POST',
		path: (f) => `/o/${f.orgId}/members?/role`,
		fields: ['userId', 'role'],
		state: (f) => `/o/${f.orgId}/members`
	},
	{
		name: 'assessment start',
		method: 'POST',
		path: (f) => `/o/${f.orgId}/assessments?/start`,
		fields: ['title'],
		state: (f) => `/o/${f.orgId}/assessments`
	},
	{
		name: 'profile',
		method: 'POST',
		path: (f) => `${f.base}/profile`,
		fields: ['version', ...Object.keys(baseProfile)],
		state: (f) => `${f.base}/profile`
	},
	{
		name: 'answer save',
		method: 'POST',
		path: (f) => `${f.base}/items/LIC-001?/save`,
		fields: ['itemId', 'version', 'status', 'note', 'evidence', 'owner', 'due'],
		fixed: () => ({ __superform_id: 'LIC-001' }),
		state: (f) => `${f.base}/items/LIC-001`
	},
	{
		name: 'API POST clients',
		method: 'POST',
		json: { valid: () => ({ name: 'Client' }) },
		path: () => '/clients',
		fields: ['name', 'registered_name'],
		state: () => '/clients'
	},
	{
		name: 'API POST assessments',
		method: 'POST',
		json: { valid: () => ({ profile: apiProfile }) },
		path: () => '/assessments',
		fields: ['client_id', 'title', 'profile', 'from_assessment_id'],
		state: () => '/assessments'
	},
	{
		name: 'API PUT answers',
		method: 'PUT',
		json: { valid: () => ({ status: 'partial', note: 'fuzzed' }) },
		path: (f) => `/assessments/${f.apiAssessmentId}/answers/LIC-001`,
		fields: ['status', 'note', 'evidence', 'owner', 'due', 'version'],
		state: (f) => `/assessments/${f.apiAssessmentId}`
	},
	{
		name: 'pack form save',
		method: 'POST',
		path: (f) => `${f.base}/pack?/save`,
		fields: [
			'service_name',
			'channels',
			'service_hours',
			'target_users',
			'user_scale',
			'partner_name',
			'partner_licence',
			'planned_filing_date',
			'validity_months',
			'version',
			'base'
		],
		state: (f) => `${f.base}/pack`
	},
	{
		name: 'API PUT pack form',
		method: 'PUT',
		json: { valid: () => ({ service_name: 'fuzzed', validity_months: 3 }) },
		path: (f) => `/assessments/${f.apiAssessmentId}/pack`,
		fields: [
			'service_name',
			'channels',
			'partner_name',
			'planned_filing_date',
			'validity_months',
			'version'
		],
		state: (f) => `/assessments/${f.apiAssessmentId}/pack`
	},
	{
		name: 'API POST assessments/import',
		method: 'POST',
		json: { valid: (f) => f.exported },
		path: () => '/assessments/import',
		fields: [
			'format',
			'format_version',
			'exported_at',
			'questionnaire_version',
			'title',
			'client',
			'state',
			'profile',
			'answers'
		],
		state: () => '/assessments'
	},
	{
		name: 'library provisions filter',
		method: 'GET',
		path: () => '/library/provisions',
		fields: ['q', 'source', 'topic', 'force', 'addressee', 'status', 'page']
	},
	{
		name: 'library items filter',
		method: 'GET',
		path: () => '/library/items',
		fields: ['q', 'domain', 'severity', 'source']
	}
];

// Valid-looking values mixed in, so that some requests get past the first check and reach the writes.
const plausible = fc.constantFrom(
	'',
	'0',
	'1',
	'-1',
	'1e309',
	'compliant',
	'partial',
	'not_applicable',
	'owner',
	'respondent',
	'firm',
	'consultancy',
	'LIC-001',
	'true',
	'false',
	'2026-02-30',
	'tech_company',
	PASSWORD,
	'a@example.com',
	'00000000-0000-0000-0000-000000000000',
	"'; DROP TABLE answers; --",
	'<script>alert(1)</script>',
	'\u0000',
	'\ud800',
	'//evil.example/',
	'__proto__'
);
const value = fc.oneof(
	{ weight: 3, arbitrary: plausible },
	{ weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
	{ weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
	{ weight: 1, arbitrary: fc.string({ minLength: 5001, maxLength: 30_000 }) },
	{ weight: 1, arbitrary: fc.array(plausible, { minLength: 2, maxLength: 4 }) }
);

// In a JSON body a field may be any JSON value too: numbers, null, nested objects and arrays.
const jsonField = fc.oneof(
	{ weight: 3, arbitrary: value },
	{ weight: 1, arbitrary: fc.constantFrom(0, -1, 1.5, 1e308, true, false, null, {}, []) },
	{ weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) }
);

/** Any subset of the known fields, each any value or repeated, plus stray fields. */
function bodyFor(target: Target): fc.Arbitrary<Record<string, unknown>> {
	const field = target.json ? jsonField : value;
	const any = fc.record(Object.fromEntries(target.fields.map((f) => [f, field])), {
		requiredKeys: []
	});
	// A JSON body also gets a single field changed, or none, so that valid bodies get through.
	const one = fc
		.tuple(fc.constantFrom(...target.fields), field)
		.map(([name, v]) => ({ [name]: v }) as Record<string, unknown>);
	const known = target.json ? fc.oneof(any, one, fc.constant({})) : any;
	const stray = fc.dictionary(fc.string({ maxLength: 12 }), field, { maxKeys: 3 });
	// A JSON body lies over a valid one half the time, and strays only a third of the time, so that
	// some requests pass validation and reach the writes.
	const extra = target.json
		? fc.oneof({ weight: 2, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: stray })
		: stray;
	return fc.tuple(known, extra, fc.boolean()).map(([k, s, overValid]) => ({
		...(target.json && overValid ? target.json.valid?.(fixtureRef.current!) : {}),
		...s,
		...k
	}));
}

/** JSON bodies that are not an object at all, or not JSON. */
const oddJsonBody = fc.oneof(
	fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
	fc.constantFrom('', '{', '{"name":', 'null', '[]', '"x"', '\u0000', '{"__proto__":{"x":1}}'),
	fc.string({ unit: 'binary', maxLength: 40 })
);

// bodyFor's valid bodies need the fixture, which beforeAll makes after the arbitraries are built.
const fixtureRef: { current: Fixture | null } = { current: null };

async function send(
	client: Browser,
	target: Target,
	f: Fixture,
	body: Record<string, unknown> | string
) {
	if (target.json) return f.api.request(target.method, target.path(f), body);
	if (typeof body === 'string') throw new Error('a form target takes fields');
	const fields = body as Record<string, string | string[]>;
	if (target.method === 'POST') {
		return client.post(target.path(f), { ...fields, ...target.fixed?.(f) });
	}
	const query = new URLSearchParams();
	for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) query.append(k, x);
	return client.get(`${target.path(f)}?${query}`);
}

/** What a page (or, for a JSON target, an API read) shows. */
async function snapshot(client: Browser, target: Target, f: Fixture): Promise<string> {
	const path = target.state!(f);
	if (target.json) {
		const read = await f.api.get(path);
		expect(read.status, path).toBe(200);
		return JSON.stringify(read.json);
	}
	const page = await client.get(path);
	expect(page.status, path).toBe(200);
	return page.text;
}

/** An API refusal is JSON with an error code, and no stack trace. */
function expectJsonRefusalOrSuccess(response: ApiResponse, label: string) {
	const text = new TextDecoder().decode(response.bytes);
	expect(response.status, `${label}: ${text.slice(0, 300)}`).toBeLessThan(500);
	expect(text).not.toMatch(/\n\s+at [\w$.<>]+ \(|node_modules|\.js:\d+:\d+/);
	if (response.status >= 400) {
		expect(response.headers.get('content-type'), label).toMatch(/^application\/json/);
		expect(response.json?.error?.code, `${label}: ${text.slice(0, 300)}`).toEqual(
			expect.any(String)
		);
	}
}

function expectCleanRefusalOrSuccess(page: Page, label: string) {
	expect(page.status, `${label}: ${page.text.slice(0, 300)}`).toBeLessThan(500);
	// No stack trace or internal error text leaks into a response.
	expect(page.body).not.toMatch(/\n\s+at [\w$.<>]+ \(|node_modules|\.js:\d+:\d+/);
}

// Runs per action, chosen so the whole file stays well under a minute on a shared two-core machine.
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);

describe('fuzzing every form action and API body (fast-check)', () => {
	let fixture: Fixture;

	beforeAll(async () => {
		const client = new Browser(undefined, { lang: 'en' });
		const { orgId, email } = await signUp(client, { orgName: '模糊测试有限公司' });
		const base = await startAssessment(client, orgId);
		expect((await saveProfile(client, base, 0)).status).toBe(303);
		expect(
			(await saveAnswer(client, base, 'LIC-001', 0, { status: 'partial', note: 'before' })).status
		).toBe(200);
		const api = new Api(await createTokenInSettings(client, orgId));
		const { id: apiAssessmentId } = await apiAssessment(api, { title: 'API fuzz' });
		const exported = await api.get(`/assessments/${apiAssessmentId}/export`);
		expect(exported.status).toBe(200);
		fixture = { client, orgId, base, email, api, apiAssessmentId, exported: exported.json };
		fixtureRef.current = fixture;
	});

	for (const target of TARGETS) {
		it(`${target.name}: never a 500 or a stack trace; a refused request changes nothing`, async () => {
			// Sign-up and log-in are fuzzed anonymously, so that throttling and sessions stay per run.
			const anonymous = ['sign-up', 'login'].includes(target.name);
			const bodies: fc.Arbitrary<Record<string, unknown> | string> = target.json
				? fc.oneof({ weight: 4, arbitrary: bodyFor(target) }, { weight: 1, arbitrary: oddJsonBody })
				: bodyFor(target);
			// The state after one run is the state before the next (nothing else writes to the fixture's
			// organisation): one snapshot per run, taken after the request, instead of one before and one
			// after. Forgotten whenever a run fails part-way, so a shrink starts from a fresh snapshot.
			let known: string | null = null;
			await fc.assert(
				fc.asyncProperty(bodies, async (body) => {
					const client = anonymous ? new Browser(undefined, { lang: 'en' }) : fixture.client;
					const before = target.state ? (known ?? (await snapshot(client, target, fixture))) : null;
					known = null;
					const response = await send(client, target, fixture, body);
					if ('json' in response) expectJsonRefusalOrSuccess(response, target.name);
					else expectCleanRefusalOrSuccess(response, target.name);
					if (target.state) {
						const after = await snapshot(client, target, fixture);
						if (response.status >= 400) expect(after).toBe(before);
						known = after;
					}
				}),
				{ numRuns: RUNS }
			);
			await target.verify?.(fixture);
			// Each run is a request and, for a form with state, one snapshot: a few seconds alone,
			// several times that beside the other files on two cores.
		}, 120_000);
	}
});
