import { expect, inject } from 'vitest';
import { baseProfile } from './assessment';
import { Browser, PASSWORD, signUp } from './browser';

export interface ApiResponse {
	status: number;
	headers: Headers;
	/** The body parsed as JSON, or null when it is not JSON. */
	json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
	bytes: Uint8Array;
}

/** A client of /api/v1 that sends one Bearer token (or none). */
export class Api {
	constructor(
		readonly token: string | null,
		readonly baseUrl: string = inject('baseUrl')
	) {}

	async request(
		method: string,
		route: string,
		body?: unknown,
		headers: Record<string, string> = {}
	): Promise<ApiResponse> {
		const response = await fetch(`${this.baseUrl}/api/v1${route}`, {
			method,
			headers: {
				...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
				...headers
			},
			body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
		});
		const bytes = new Uint8Array(await response.arrayBuffer());
		let json = null;
		if (response.headers.get('content-type')?.startsWith('application/json'))
			json = JSON.parse(new TextDecoder().decode(bytes));
		return { status: response.status, headers: response.headers, json, bytes };
	}

	get = (route: string) => this.request('GET', route);
	post = (route: string, body: unknown) => this.request('POST', route, body);
	put = (route: string, body: unknown) => this.request('PUT', route, body);
}

/**
 * Creates a token in the organisation's settings, as its owner (who confirms it is them: their
 * password, the test one unless given); answers the token shown once.
 */
export async function createTokenInSettings(
	owner: Browser,
	orgId: string,
	name = 'integration',
	proof: { currentPassword?: string; code?: string } = {}
): Promise<string> {
	const page = await owner.post(`/o/${orgId}/settings?/createToken`, {
		name,
		currentPassword: PASSWORD,
		...proof
	});
	expect(page.status).toBe(200);
	const token = page.body.match(/sr_[a-z2-7]{52}/)?.[0];
	if (!token) throw new Error(`no token on the page: ${page.text.slice(0, 300)}`);
	return token;
}

/** A new organisation (signed up through the form) with an API token made in its settings. */
export async function apiOrganisation(
	fields: { orgName?: string; orgKind?: string } = {},
	baseUrl: string = inject('baseUrl')
): Promise<{ owner: Browser; orgId: string; token: string; api: Api }> {
	const owner = new Browser(baseUrl, { lang: 'en' });
	const { orgId } = await signUp(owner, {
		orgName: fields.orgName ?? 'API Consulting',
		orgKind: fields.orgKind ?? 'consultancy'
	});
	const token = await createTokenInSettings(owner, orgId);
	return { owner, orgId, token, api: new Api(token, baseUrl) };
}

/** The form's test profile in the CLI's profile.json shape (booleans as booleans), as the API takes it. */
export const apiProfile = Object.fromEntries(
	Object.entries(baseProfile).map(([k, v]) => [k, v === 'true' ? true : v === 'false' ? false : v])
);

/** Starts an assessment through the API; answers its id and its applicable item ids. */
export async function apiAssessment(
	api: Api,
	body: Record<string, unknown> = {}
): Promise<{ id: string; applicable: string[] }> {
	const created = await api.post('/assessments', { profile: apiProfile, ...body });
	expect(created.status).toBe(201);
	const detail = await api.get(`/assessments/${created.json.id}`);
	expect(detail.status).toBe(200);
	return { id: created.json.id, applicable: detail.json.result.applicable };
}
