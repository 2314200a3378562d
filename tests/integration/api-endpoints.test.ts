import { describe, expect, it } from 'vitest';
import { Api, apiAssessment, apiOrganisation, apiProfile } from '../helpers/api';
import { rawRequest } from '../helpers/raw-http';

const MISSING = '00000000-0000-4000-8000-000000000000';

describe('/api/v1 questionnaire and clients', () => {
	it('lists the current questionnaire as `items --json` prints it', async () => {
		const { api } = await apiOrganisation();
		const r = await api.get('/questionnaire');
		expect(r.status).toBe(200);
		expect(r.json.version).toMatch(/^[0-9a-f]{64}$/);
		expect(r.json.items.length).toBeGreaterThan(10);
		expect(r.json.items[0]).toMatchObject({ id: expect.stringMatching(/^[A-Z]+-\d{3}$/) });
		expect(r.json.items[0].question.zh).toBeTruthy();
		// Every national-rule pointer says how far it was checked: one not checked to the article is
		// never passed off as an authority by a client of the API.
		type Rule = {
			verification: string;
			article: string | null;
			source: unknown;
			article_standing: string;
		};
		const rules = (r.json.items as { related_rules: Rule[] }[]).flatMap((i) => i.related_rules);
		for (const rule of rules)
			expect(rule.article_standing).toBe(
				rule.verification !== 'verified'
					? 'unverified'
					: rule.article !== null && rule.source !== null
						? 'article_verified'
						: 'article_to_confirm'
			);
		expect(rules.some((rule) => rule.article_standing === 'article_to_confirm')).toBe(true);
	});

	it('creates and lists clients; a bad or unknown field is a 400 naming it', async () => {
		const { api } = await apiOrganisation();
		const created = await api.post('/clients', { name: ' 浦江数科 ', registered_name: '上海浦江' });
		expect(created.status).toBe(201);
		const list = await api.get('/clients');
		expect(list.json.clients).toEqual([
			expect.objectContaining({
				id: created.json.id,
				name: '浦江数科',
				registered_name: '上海浦江'
			})
		]);
		const blank = await api.post('/clients', { name: '  ' });
		expect(blank.status).toBe(400);
		expect(blank.json.error.code).toBe('invalid_body');
		expect(Object.keys(blank.json.error.fields)).toEqual(['name']);
		const unknown = await api.post('/clients', { name: 'X', colour: 'red' });
		expect(unknown.status).toBe(400);
		// In the reader's language: Chinese unless the request asks for English, never a mix.
		expect(unknown.json.error).toMatchObject({
			message: '以下字段无效：colour',
			fields: { colour: '未知字段' }
		});
		const english = await api.request(
			'POST',
			'/clients',
			{ name: 'X', colour: 'red' },
			{ 'accept-language': 'en-GB,en;q=0.9' }
		);
		expect(english.json.error).toMatchObject({
			message: 'Invalid colour',
			fields: { colour: 'unknown field' }
		});
		const notJson = await api.request('POST', '/clients', '{"name":', {});
		expect(notJson.status).toBe(400);
		expect(notJson.json.error.code).toBe('invalid_json');
		expect((await api.get('/clients')).json.clients).toHaveLength(1);
	});

	it('keeps each organisation’s clients to itself', async () => {
		const a = await apiOrganisation();
		const b = await apiOrganisation();
		const { json } = await a.api.post('/clients', { name: 'Only A' });
		expect((await b.api.get('/clients')).json.clients).toEqual([]);
		const other = await b.api.post('/assessments', { client_id: json.id, profile: apiProfile });
		expect(other.status).toBe(404);
		expect(other.json.error).toMatchObject({
			code: 'unknown_client',
			fields: { client_id: expect.any(String) }
		});
		expect(JSON.stringify(other.json)).not.toContain('Only A');
	});
});

describe('/api/v1 assessments', () => {
	it('starts an assessment for a client and reads it back with the CLI’s result', async () => {
		const { api } = await apiOrganisation();
		const client = await api.post('/clients', { name: 'Client' });
		const { id, applicable } = await apiAssessment(api, { client_id: client.json.id });
		const r = await api.get(`/assessments/${id}`);
		expect(r.json).toMatchObject({
			id,
			client_id: client.json.id,
			state: 'draft',
			profile: apiProfile,
			answers: {},
			result: {
				questionnaire_version: expect.stringMatching(/^[0-9a-f]{64}$/),
				complete: false,
				verdict: 'not_assessed',
				gaps: [],
				good_practice: expect.objectContaining({ items: [] })
			}
		});
		// Unanswered items are listed (obligations and entry conditions first), never ranked as gaps.
		expect([...r.json.result.unanswered].sort()).toEqual([...applicable].sort());
		const { overall } = r.json.result.scores;
		expect(overall.unanswered + r.json.result.good_practice.scores.unanswered).toBe(
			applicable.length
		);
		expect(r.json.result.verdict_reasons.length).toBeGreaterThan(0);
		// The client had no registered name: the profile's went onto its record, read back as the firm.
		expect(r.json.firm).toEqual({
			name: apiProfile.registered_name,
			registered_name: apiProfile.registered_name,
			business_scope: apiProfile.business_scope,
			source: 'client'
		});
		const clients = await api.get('/clients');
		expect(clients.json.clients[0]).toMatchObject({
			registered_name: apiProfile.registered_name,
			business_scope: apiProfile.business_scope
		});
		const list = await api.get('/assessments');
		expect(list.json.assessments.map((a: { id: string }) => a.id)).toEqual([id]);
	});

	it('refuses a bad profile, naming the field, and creates nothing', async () => {
		const { api } = await apiOrganisation();
		const bad = await api.post('/assessments', { profile: { ...apiProfile, licences: ['pilot'] } });
		expect(bad.status).toBe(400);
		expect(Object.keys(bad.json.error.fields)[0]).toMatch(/^profile\.licences/);
		const missing = await api.post('/assessments', {});
		expect(missing.status).toBe(400);
		expect(missing.json.error.fields).toHaveProperty('profile');
		const { org_type: _dropped, ...withoutType } = apiProfile;
		const required = await api.post('/assessments', { profile: withoutType });
		expect(required.status).toBe(400);
		expect(required.json.error.fields).toHaveProperty(['profile.org_type']);
		expect((await api.get('/assessments')).json.assessments).toEqual([]);
	});

	it('refuses a contradictory profile, naming both fields', async () => {
		const { api } = await apiOrganisation();
		const r = await api.post('/assessments', {
			profile: { ...apiProfile, retail_customers: true, personal_information: 'none' }
		});
		expect(r.status).toBe(400);
		expect(Object.keys(r.json.error.fields).sort()).toEqual([
			'profile.personal_information',
			'profile.retail_customers'
		]);
		expect(r.json.error.fields['profile.retail_customers']).toMatch(
			/retail_customers = true contradicts personal_information = "none"/
		);
		expect((await api.get('/assessments')).json.assessments).toEqual([]);
	});

	it('answers 404 for another organisation’s assessment, and for unknown or malformed ids', async () => {
		const a = await apiOrganisation();
		const b = await apiOrganisation();
		const { id, applicable } = await apiAssessment(a.api);
		for (const route of [
			`/assessments/${id}`,
			`/assessments/${id}/report.pdf`,
			`/assessments/${id}/action-plan.xlsx`,
			`/assessments/${id}/action-plan.csv`,
			`/assessments/${id}/export`,
			`/assessments/${MISSING}`,
			'/assessments/not-a-uuid'
		]) {
			const r = await b.api.get(route);
			expect(r.status, route).toBe(404);
			expect(r.json.error.code, route).toBe('not_found');
		}
		const put = await b.api.put(`/assessments/${id}/answers/${applicable[0]}`, {
			status: 'compliant'
		});
		expect(put.status).toBe(404);
		const from = await b.api.post('/assessments', { from_assessment_id: id });
		expect(from.status).toBe(404);
		expect((await a.api.get(`/assessments/${id}`)).json.answers).toEqual({});
	});
});

describe('/api/v1 answers', () => {
	it('saves an answer, refuses a stale version with the current answer, and takes the current one', async () => {
		const { api } = await apiOrganisation();
		const { id } = await apiAssessment(api);
		// An obligation (good-practice items are scored apart from the overall figures).
		const item = 'LIC-001';
		const first = await api.put(`/assessments/${id}/answers/${item}`, {
			status: 'partial',
			note: 'half done',
			evidence: 'policy.pdf',
			owner: '合规部',
			due: '2027-03-31'
		});
		expect(first.status).toBe(200);
		expect(first.json).toEqual({ version: 1 });
		const stale = await api.put(`/assessments/${id}/answers/${item}`, { status: 'compliant' });
		expect(stale.status).toBe(409);
		expect(stale.json.error.code).toBe('version_conflict');
		expect(stale.json.current).toEqual({
			status: 'partial',
			note: 'half done',
			evidence: ['policy.pdf'],
			owner: '合规部',
			due: '2027-03-31',
			version: 1
		});
		const second = await api.put(`/assessments/${id}/answers/${item}`, {
			status: 'compliant',
			version: 1
		});
		expect(second.json).toEqual({ version: 2 });
		const again = await api.put(`/assessments/${id}/answers/${item}`, {
			status: 'non_compliant',
			version: 1
		});
		expect(again.status).toBe(409);
		const detail = await api.get(`/assessments/${id}`);
		expect(detail.json.answers[item]).toMatchObject({ status: 'compliant', version: 2 });
		expect(detail.json.result.scores.overall.answered).toBe(1);
	});

	it('answers 400 naming the bad field, and 404 for an unknown or inapplicable item', async () => {
		const { api } = await apiOrganisation();
		const { id, applicable } = await apiAssessment(api);
		const item = applicable[0]!;
		const cases: [unknown, string][] = [
			[{ status: 'done' }, 'status'],
			[{ status: 'partial', due: '2027-02-30' }, 'due'],
			[{ status: 'partial', evidence: [1] }, 'evidence'],
			[{ status: 'partial', version: -1 }, 'version'],
			[{ status: 'not_applicable' }, 'note'],
			[{ status: 'partial', extra: true }, 'extra']
		];
		for (const [body, field] of cases) {
			const r = await api.put(`/assessments/${id}/answers/${item}`, body);
			expect(r.status, JSON.stringify(body)).toBe(400);
			expect(Object.keys(r.json.error.fields)[0], JSON.stringify(body)).toBe(field);
		}
		const questionnaire = await api.get('/questionnaire');
		const outOfScope = questionnaire.json.items
			.map((i: { id: string }) => i.id)
			.find((i: string) => !applicable.includes(i));
		for (const unknown of ['ZZZ-999', outOfScope, 'lowercase'])
			expect(
				(await api.put(`/assessments/${id}/answers/${unknown}`, { status: 'compliant' })).status
			).toBe(404);
		expect((await api.get(`/assessments/${id}`)).json.answers).toEqual({});
	});

	it('refuses an oversized body with a JSON 413, after letting the client send it', async () => {
		const { api } = await apiOrganisation();
		const { id, applicable } = await apiAssessment(api);
		// A plain socket: fetch would lose the answer with EPIPE if the server closed mid-body.
		const r = await rawRequest(api.baseUrl, {
			method: 'PUT',
			path: `/api/v1/assessments/${id}/answers/${applicable[0]}`,
			headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' },
			body: new TextEncoder().encode(
				// Over the 1 MB limit, and more than the socket buffers take in unread (see hostile-input).
				JSON.stringify({ status: 'partial', note: 'x'.repeat(5 * 1024 * 1024) })
			)
		});
		expect(r.status).toBe(413);
		expect(JSON.parse(r.body).error.code).toBe('too_large');
		expect(r.socketError).toBeNull();
		expect((await api.get(`/assessments/${id}`)).json.answers).toEqual({});
	});
});

describe('/api/v1 files, export, import and comparison', () => {
	it('downloads the PDF report and the action plan as XLSX and CSV', async () => {
		const { api } = await apiOrganisation();
		const { id } = await apiAssessment(api);
		// A gap on an obligation: the action plan lists gaps, not good-practice opportunities.
		await api.put(`/assessments/${id}/answers/LIC-001`, { status: 'non_compliant' });
		const pdf = await api.get(`/assessments/${id}/report.pdf?lang=en`);
		expect(pdf.status).toBe(200);
		expect(pdf.headers.get('content-type')).toBe('application/pdf');
		expect(new TextDecoder().decode(pdf.bytes.slice(0, 5))).toBe('%PDF-');
		const badLang = await api.get(`/assessments/${id}/report.pdf?lang=fr`);
		expect(badLang.status).toBe(400);
		expect(badLang.json.error.fields).toHaveProperty('lang');
		const xlsx = await api.get(`/assessments/${id}/action-plan.xlsx?lang=en`);
		expect(xlsx.status).toBe(200);
		expect(new TextDecoder().decode(xlsx.bytes.slice(0, 2))).toBe('PK');
		const csv = await api.get(`/assessments/${id}/action-plan.csv?lang=en`);
		expect(csv.status).toBe(200);
		expect(new TextDecoder().decode(csv.bytes)).toContain('LIC-001');
	});

	it('exports an assessment and imports it as a new one with the same answers', async () => {
		const a = await apiOrganisation();
		const { id, applicable } = await apiAssessment(a.api);
		await a.api.put(`/assessments/${id}/answers/${applicable[0]}`, {
			status: 'partial',
			note: 'n',
			evidence: ['e1', 'e2'],
			owner: 'o',
			due: '2027-01-01'
		});
		await a.api.put(`/assessments/${id}/answers/${applicable[1]}`, { status: 'compliant' });
		const exported = await a.api.get(`/assessments/${id}/export`);
		expect(exported.status).toBe(200);
		// Into another organisation, for one of its clients: a file from no client is another
		// client's too (its notes were never this client's), so the import confirms it.
		const b = await apiOrganisation();
		const client = await b.api.post('/clients', { name: 'B client' });
		const imported = await b.api.post(
			`/assessments/import?client_id=${client.json.id}&confirm_other_client=true`,
			exported.json
		);
		expect(imported.status).toBe(201);
		const [before, after] = [
			await a.api.get(`/assessments/${id}`),
			await b.api.get(`/assessments/${imported.json.id}`)
		];
		expect(after.json.client_id).toBe(client.json.id);
		expect(after.json.profile).toEqual(before.json.profile);
		expect(after.json.answers).toEqual(before.json.answers);
		expect(after.json.result).toEqual(before.json.result);

		const bad = await b.api.post('/assessments/import', {
			...exported.json,
			answers: { ...exported.json.answers, [applicable[0]!]: { status: 'maybe' } }
		});
		expect(bad.status).toBe(400);
		expect(Object.keys(bad.json.error.fields)[0]).toMatch(
			new RegExp(`^answers\\.${applicable[0]}`)
		);
		const foreignClient = await a.api.post(
			`/assessments/import?client_id=${client.json.id}`,
			exported.json
		);
		expect(foreignClient.status).toBe(404);
		expect((await b.api.get('/assessments')).json.assessments).toHaveLength(1);
	});

	it('starts next year’s assessment from this one and compares the two', async () => {
		const { api } = await apiOrganisation();
		const client = await api.post('/clients', { name: 'Client' });
		const { id, applicable } = await apiAssessment(api, { client_id: client.json.id });
		await api.put(`/assessments/${id}/answers/${applicable[0]}`, { status: 'non_compliant' });
		const next = await api.post('/assessments', { from_assessment_id: id, title: '2027' });
		expect(next.status).toBe(201);
		const carried = await api.get(`/assessments/${next.json.id}`);
		expect(carried.json.client_id).toBe(client.json.id);
		expect(carried.json.answers[applicable[0]!].status).toBe('non_compliant');
		const version = carried.json.answers[applicable[0]!].version;
		await api.put(`/assessments/${next.json.id}/answers/${applicable[0]}`, {
			status: 'compliant',
			version
		});
		const compared = await api.get(`/assessments/${next.json.id}/compare/${id}`);
		expect(compared.status).toBe(200);
		expect(compared.json.before.id).toBe(id);
		expect(compared.json.after.id).toBe(next.json.id);
		expect(compared.json.counts.improved).toBe(1);
		expect(compared.json.items).toContainEqual(
			expect.objectContaining({ itemId: applicable[0], change: 'improved' })
		);
		expect(compared.json.domains.length).toBeGreaterThan(0);
		expect((await api.get(`/assessments/${id}/compare/${MISSING}`)).status).toBe(404);
		const both = await api.post('/assessments', { from_assessment_id: id, profile: apiProfile });
		expect(both.status).toBe(400);
	});
});

describe('/api/v1 authentication', () => {
	it('answers 401 with no token, a wrong one, or a revoked one, and JSON 404 for unknown paths', async () => {
		const { api, owner, orgId } = await apiOrganisation();
		for (const client of [new Api(null), new Api('sr_' + 'a'.repeat(52)), new Api('Basic abc')]) {
			const r = await client.get('/clients');
			expect(r.status).toBe(401);
			expect(r.json.error.code).toBe('unauthorized');
			expect(r.headers.get('www-authenticate')).toMatch(/^Bearer/);
		}
		expect((await api.get('/clients')).status).toBe(200);
		const settings = await owner.get(`/o/${orgId}/settings`);
		const tokenId = settings.body.match(/name="tokenId" value="([0-9a-f-]{36})"/)?.[1];
		expect(tokenId).toBeTruthy();
		expect(
			(await owner.post(`/o/${orgId}/settings?/revokeToken`, { tokenId: tokenId! })).status
		).toBe(200);
		const revoked = await api.post('/clients', { name: 'after revocation' });
		expect(revoked.status).toBe(401);
		const unknown = await api.get('/nothing-here');
		expect(unknown.status).toBe(404);
		expect(unknown.json.error.code).toBe('not_found');
	});
});
