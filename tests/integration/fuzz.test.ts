import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Browser, PASSWORD, signUp, type Page } from '../helpers/browser';
import { baseProfile, saveAnswer, saveProfile, startAssessment } from '../helpers/assessment';

/** A signed-in firm owner with one assessment whose LIC-001 is answered. */
interface Fixture {
	client: Browser;
	orgId: string;
	base: string;
	email: string;
}

/**
 * Every form action, fuzzed with the same generator. To cover another form or an API body, add one
 * line: the method, the path, the field names it knows, and (where it writes) the page whose state a
 * refused request must leave exactly as it was.
 */
interface Target {
	name: string;
	method: 'POST' | 'GET';
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

/** Any subset of the known fields, each any value or repeated, plus stray fields. */
function bodyFor(target: Target): fc.Arbitrary<Record<string, string | string[]>> {
	const known = fc.record(Object.fromEntries(target.fields.map((f) => [f, value])), {
		requiredKeys: []
	});
	const stray = fc.dictionary(fc.string({ maxLength: 12 }), value, { maxKeys: 3 });
	return fc
		.tuple(known, stray)
		.map(([k, s]) => ({ ...s, ...k }) as Record<string, string | string[]>);
}

async function send(
	client: Browser,
	target: Target,
	f: Fixture,
	body: Record<string, string | string[]>
) {
	if (target.method === 'POST') {
		return client.post(target.path(f), { ...body, ...target.fixed?.(f) });
	}
	const query = new URLSearchParams();
	for (const [k, v] of Object.entries(body)) for (const x of [v].flat()) query.append(k, x);
	return client.get(`${target.path(f)}?${query}`);
}

/** What a page shows, without what changes on every load (nonces, request ids, scripts). */
async function snapshot(client: Browser, path: string): Promise<string> {
	const page = await client.get(path);
	expect(page.status, path).toBe(200);
	return page.text;
}

function expectCleanRefusalOrSuccess(page: Page, label: string) {
	expect(page.status, `${label}: ${page.text.slice(0, 300)}`).toBeLessThan(500);
	// No stack trace or internal error text leaks into a response.
	expect(page.body).not.toMatch(/\n\s+at [\w$.<>]+ \(|node_modules|\.js:\d+:\d+/);
}

// Runs per action, chosen so the whole file stays well under a minute on a shared two-core machine.
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);

describe('fuzzing every form action (fast-check)', () => {
	let fixture: Fixture;

	beforeAll(async () => {
		const client = new Browser(undefined, { lang: 'en' });
		const { orgId, email } = await signUp(client, { orgName: '模糊测试有限公司' });
		const base = await startAssessment(client, orgId);
		expect((await saveProfile(client, base, 0)).status).toBe(303);
		expect(
			(await saveAnswer(client, base, 'LIC-001', 0, { status: 'partial', note: 'before' })).status
		).toBe(200);
		fixture = { client, orgId, base, email };
	});

	for (const target of TARGETS) {
		it(`${target.name}: never a 500 or a stack trace; a refused request changes nothing`, async () => {
			// Sign-up and log-in are fuzzed anonymously, so that throttling and sessions stay per run.
			const anonymous = ['sign-up', 'login'].includes(target.name);
			await fc.assert(
				fc.asyncProperty(bodyFor(target), async (body) => {
					const client = anonymous ? new Browser(undefined, { lang: 'en' }) : fixture.client;
					const statePath = target.state?.(fixture);
					const before = statePath ? await snapshot(client, statePath) : null;
					const page = await send(client, target, fixture, body);
					expectCleanRefusalOrSuccess(page, target.name);
					if (statePath && page.status >= 400) {
						expect(await snapshot(client, statePath)).toBe(before);
					}
				}),
				{ numRuns: RUNS }
			);
			await target.verify?.(fixture);
		});
	}
});
