import { decodeBase64, encodeBase64 } from '@oslojs/encoding';
import { describe, expect, it } from 'vitest';
import { Browser, PASSWORD, signUp } from '../helpers/browser';
import { totpCode } from '../helpers/totp';
import {
	Api,
	apiAssessment,
	apiOrganisation,
	apiProfile,
	createTokenInSettings
} from '../helpers/api';
import { saveAnswer } from '../helpers/assessment';
import {
	assessmentIdOf,
	consultancy,
	createClient,
	startClientAssessment
} from '../helpers/consultancy';
import { postFile } from '../helpers/upload';
import { createScratchDatabase, testDbKind } from '../setup/databases';
import { startServer } from '../setup/server-process';

/** A loaded machine makes a multi-step journey slow; the steps themselves are quick. */
const SLOW = 180_000;

describe('turning two-factor on asks for the password', () => {
	it(
		'refuses an open session without the password, so it cannot plant a key and make a token',
		async () => {
			const owner = new Browser(undefined, { lang: 'en' });
			const { orgId } = await signUp(owner, { orgName: 'Open Session Firm' });
			// Whoever holds the open session picks a key of their own.
			const key = crypto.getRandomValues(new Uint8Array(20));
			const code = totpCode(key);
			const withoutPassword = await owner.post('/account/two-factor?/enable', {
				key: encodeBase64(key),
				code
			});
			expect(withoutPassword.status).toBe(400);
			expect(withoutPassword.body).not.toContain('recovery-codes');
			const wrong = await owner.post('/account/two-factor?/enable', {
				key: encodeBase64(key),
				code,
				currentPassword: 'not the password'
			});
			expect(wrong.status).toBe(400);
			expect(wrong.body).toContain('The current password is wrong.');
			// Still off: a token still needs the password, and the code alone makes none.
			const token = await owner.post(`/o/${orgId}/settings?/createToken`, {
				name: 'from an open session',
				currentPassword: '',
				code: totpCode(key, 1)
			});
			expect(token.status).toBe(400);
			expect(token.body).not.toMatch(/sr_[a-z2-7]{52}/);
			// The owner, with the password, turns it on.
			const setup = await owner.get('/account/two-factor');
			const ownKey = setup.body.match(/name="key" value="([^"]+)"/)![1]!;
			const enabled = await owner.post('/account/two-factor?/enable', {
				key: ownKey,
				code: totpCode(decodeBase64(ownKey)),
				currentPassword: PASSWORD
			});
			expect(enabled.status).toBe(200);
			expect([...enabled.body.matchAll(/<code>([A-Z2-7-]{19})<\/code>/g)]).toHaveLength(8);
			expect(enabled.body).not.toContain(PASSWORD);
		},
		SLOW
	);
});

describe('text-direction controls are refused wherever text comes in', () => {
	it(
		'refuses them in the API pack form, the API profile and an imported file; cleans imported file names',
		async () => {
			const { api } = await apiOrganisation({ orgName: 'Direction Firm', orgKind: 'firm' });
			// The API profile: the licence's registered name and any other profile text.
			for (const mark of ['\u202E', '\u2066', '\u200F', '\u061C']) {
				const profile = await api.post('/assessments', {
					profile: { ...apiProfile, registered_name: `Pujiang${mark}Tech` }
				});
				expect(profile.status).toBe(400);
				expect(Object.keys(profile.json.error.fields)).toEqual(['profile.registered_name']);
			}
			const { id } = await apiAssessment(api);
			// The pack form.
			const pack = await api.put(`/assessments/${id}/pack`, {
				service_name: 'Cross-border \u202Eyrtne\u202C reconciliation'
			});
			expect(pack.status).toBe(400);
			expect(Object.keys(pack.json.error.fields)).toEqual(['service_name']);
			expect((await api.get(`/assessments/${id}/pack`)).json.service_name).toBeNull();

			// The import: the title and the profile's texts refused, evidence file names cleaned.
			const exported = (await api.get(`/assessments/${id}/export`)).json;
			const badTitle = await api.post('/assessments/import', {
				...exported,
				title: 'Self-assessment \u2067 2026'
			});
			expect(badTitle.status).toBe(400);
			expect(Object.keys(badTitle.json.error.fields)).toEqual(['title']);
			const badProfile = await api.post('/assessments/import', {
				...exported,
				profile: { ...exported.profile, registered_name: 'Pujiang\u202DTech' }
			});
			expect(badProfile.status).toBe(400);
			expect(Object.keys(badProfile.json.error.fields)).toEqual(['profile.registered_name']);
			const withFiles = await api.post('/assessments/import', {
				...exported,
				format_version: 2,
				evidence_files: [
					{
						item_id: 'CMP-001',
						file_name: 'report\u202Efdp.exe\n\u0007.pdf',
						content_type: 'application/pdf',
						size: 3,
						sha256: 'a'.repeat(64),
						lineage: 'one',
						version: 1,
						uploaded_by: null,
						uploaded_at: '2026-11-01T08:00:00.000Z',
						effective_on: '2026-11-01',
						expires_on: null
					}
				]
			});
			expect(withFiles.status).toBe(201);
			expect(withFiles.json.evidence_not_restored).toEqual([
				{ item_id: 'CMP-001', file_name: 'reportfdp.exe.pdf', sha256: 'a'.repeat(64) }
			]);
		},
		SLOW
	);
});

describe('a refusal says what is wrong', () => {
	it(
		'names the direction control in a bulk owner, the missing assessment of an invitation by domain, the unreadable name of an upload',
		async () => {
			const c = await consultancy('en');
			const clientId = await createClient(c.owner, c.orgId, { name: 'Message Client' });
			const base = await startClientAssessment(c.owner, c.orgId, clientId, 'Messages 2026');
			const saved = await saveAnswer(c.owner, base, 'CMP-001', 0, {
				status: 'partial',
				note: 'Weekdays only'
			});
			expect(saved.status).toBe(200);
			const bulk = await c.owner.post(`${base}/questionnaire?/bulk`, {
				items: 'CMP-001:1',
				change: 'owner',
				owner: 'Ops\u202Egnp.exe'
			});
			expect(bulk.text).toContain('contains invisible text-direction control characters');
			expect(bulk.text).not.toContain('cannot be not applicable');

			// The members page has no domain field: a crafted request, read as the form's script does.
			const invite = await c.owner.post(
				`/o/${c.orgId}/members?/invite`,
				{ email: 'domains@example.com', role: 'respondent', clientId, domains: ['aml'] },
				{ headers: { accept: 'application/json', 'x-sveltekit-action': 'true' } }
			);
			const data = JSON.parse(JSON.parse(invite.body).data) as unknown[];
			expect(data).toContain(
				'To limit the invitation to some domains, choose the assessment they belong to.'
			);
			expect(data).not.toContain('Choose the client the respondent belongs to.');

			const upload = await postFile(c.owner, `${base}/items/CMP-001/evidence`, {
				name: 'policy\u0000.pdf',
				type: 'application/pdf',
				bytes: '%PDF-1.4 policy'
			});
			expect(upload.status).toBe(400);
			expect(upload.text).toContain('The file’s name cannot be read');
		},
		SLOW
	);

	it(
		'answers a JSON body sent to a form action with 415 and a message, logged as a warning',
		async () => {
			const database = await createScratchDatabase(testDbKind(), 'sec-415', { migrated: true });
			try {
				const server = await startServer(database.env);
				try {
					const owner = new Browser(server.baseUrl, { lang: 'en' });
					const { orgId } = await signUp(owner, { orgName: 'JSON Firm' });
					for (const lang of ['en', 'zh']) {
						owner.cookies.set('lang', lang);
						const response = await fetch(`${server.baseUrl}/o/${orgId}/settings?/createToken`, {
							method: 'POST',
							headers: owner.headers({
								accept: 'application/json',
								'content-type': 'application/json',
								'x-sveltekit-action': 'true',
								origin: server.baseUrl
							}),
							body: JSON.stringify({ name: 'json' })
						});
						expect(response.status).toBe(415);
						const text = await response.text();
						expect(text).not.toContain('Internal error');
						expect(text).toContain(lang === 'en' ? 'Forms accept form data only' : '表单只接受');
					}
					const log = server.output();
					expect(log).toContain('request refused');
					expect(log).not.toContain('unhandled error');
					expect(log).not.toContain('SvelteKitError');
				} finally {
					await server.stop();
				}
			} finally {
				await database.drop();
			}
		},
		SLOW
	);
});

describe('an API assessment does not rewrite its client', () => {
	it(
		'refuses a profile whose registered name differs from the client’s with 409, unless confirmed',
		async () => {
			const { api } = await apiOrganisation({ orgName: 'Identity Consulting' });
			const client = await api.post('/clients', {
				name: 'Pujiang',
				registered_name: '上海浦江数字科技有限公司'
			});
			expect(client.status).toBe(201);
			const clientId = client.json.id as string;
			const registeredName = async () =>
				(
					(await api.get('/clients')).json.clients as { id: string; registered_name: string }[]
				).find((c) => c.id === clientId)!.registered_name;
			const same = await api.post('/assessments', {
				client_id: clientId,
				profile: { ...apiProfile, registered_name: '上海浦江数字科技有限公司' }
			});
			expect(same.status).toBe(201);
			const other = { ...apiProfile, registered_name: 'Totally Different Co' };
			const refused = await api.post('/assessments', { client_id: clientId, profile: other });
			expect(refused.status).toBe(409);
			expect(refused.json.error.code).toBe('client_identity_differs');
			expect(Object.keys(refused.json.error.fields)).toEqual(['profile.registered_name']);
			expect(refused.json.error.message).toContain('confirm_client_identity_change');
			expect(await registeredName()).toBe('上海浦江数字科技有限公司');
			expect((await api.get(`/assessments/${same.json.id}`)).json.firm.registered_name).toBe(
				'上海浦江数字科技有限公司'
			);
			const confirmed = await api.post('/assessments', {
				client_id: clientId,
				profile: other,
				confirm_client_identity_change: true
			});
			expect(confirmed.status).toBe(201);
			expect(await registeredName()).toBe('Totally Different Co');
		},
		SLOW
	);
});

describe('an import under another client is told by the client’s id', () => {
	it(
		'warns for a second client of the same name, a file from no client, an edited client name',
		async () => {
			const c = await consultancy('en');
			const clientA = await createClient(c.owner, c.orgId, { name: 'Pujiang Tech' });
			const twin = await createClient(c.owner, c.orgId, { name: 'Pujiang Tech' });
			const base = await startClientAssessment(c.owner, c.orgId, clientA, 'Twin 2026');
			const api = new Api(await createTokenInSettings(c.owner, c.orgId, 'twin'));
			const exported = await api.get(`/assessments/${assessmentIdOf(base)}/export`);
			expect(exported.json.client_id).toBe(clientA);

			const toTwin = await api.post(`/assessments/import?client_id=${twin}`, exported.json);
			expect(toTwin.status).toBe(400);
			expect(Object.keys(toTwin.json.error.fields)).toEqual(['client']);
			// The name edited to the other client's (or the file's client taken away) changes nothing.
			const renamed = { ...exported.json, client: 'Lingang Data' };
			expect((await api.post(`/assessments/import?client_id=${clientA}`, renamed)).status).toBe(
				201
			);
			const noClient = { ...exported.json, client: null, client_id: null };
			const fromNone = await api.post(`/assessments/import?client_id=${clientA}`, noClient);
			expect(fromNone.status).toBe(400);
			expect(fromNone.json.error.fields.client).toContain('导出时不属于任何客户');
			// An older file without the id, and without a client, under a client: warned too.
			const { client_id: _omitted, ...older } = noClient;
			expect(_omitted).toBeNull();
			const olderFile = await api.post(`/assessments/import?client_id=${clientA}`, older);
			expect(olderFile.status).toBe(400);
			const web = await postFile(
				c.owner,
				`/o/${c.orgId}/assessments?/import`,
				{ name: 'none.json', type: 'application/json', bytes: JSON.stringify(noClient) },
				{ clientId: clientA }
			);
			expect(web.status).toBe(409);
			expect(web.text).toContain('This file was exported without a client');
			const confirmed = await api.post(
				`/assessments/import?client_id=${twin}&confirm_other_client=true`,
				exported.json
			);
			expect(confirmed.status).toBe(201);
		},
		SLOW
	);
});
