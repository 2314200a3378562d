import { decodeBase64, encodeBase64 } from '@oslojs/encoding';
import { describe, expect, it } from 'vitest';
import { Browser, PASSWORD, signUp } from '../helpers/browser';
import { totpCode } from '../helpers/totp';
import { apiAssessment, apiOrganisation, apiProfile } from '../helpers/api';

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
