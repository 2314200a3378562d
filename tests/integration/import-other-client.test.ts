import { describe, expect, it } from 'vitest';
import { Api, createTokenInSettings } from '../helpers/api';
import { saveAnswer } from '../helpers/assessment';
import {
	assessmentIdOf,
	consultancy,
	createClient,
	startClientAssessment
} from '../helpers/consultancy';
import { postFile } from '../helpers/upload';

/*
 * An export of one client's assessment, imported under another client (whose respondents would
 * then read its notes, evidence and owners), or under none: refused until the importer confirms.
 */
describe('importing under a different client', () => {
	it('warns and asks for a confirmation on the web and in the API; the same client imports as before', async () => {
		const c = await consultancy('en');
		const clientA = await createClient(c.owner, c.orgId, { name: 'Pujiang Tech' });
		const clientB = await createClient(c.owner, c.orgId, { name: 'Lingang Data' });
		const base = await startClientAssessment(c.owner, c.orgId, clientA, 'Pujiang 2026');
		expect(
			(
				await saveAnswer(c.owner, base, 'CMP-001', 0, {
					status: 'partial',
					note: 'Only on weekdays'
				})
			).status
		).toBe(200);
		const bytes = (await c.owner.download(`${base}/export.json`)).bytes;
		const file = { name: 'pujiang.json', type: 'application/json', bytes };
		const importAt = `/o/${c.orgId}/assessments?/import`;
		const count = async () =>
			((await c.owner.get(`/o/${c.orgId}/assessments`)).body.match(/Pujiang 2026/g) ?? []).length;
		const before = await count();

		const warned = await postFile(c.owner, importAt, file, { clientId: clientB });
		expect(warned.status).toBe(409);
		expect(warned.text).toContain(
			'This file was exported from the client “Pujiang Tech”, and you are importing it under the client “Lingang Data”.'
		);
		expect(warned.body).toContain('name="otherClient"');
		const none = await postFile(c.owner, importAt, file, { clientId: '' });
		expect(none.status).toBe(409);
		expect(none.text).toContain('you are importing it under no client');
		expect(await count()).toBe(before);

		const confirmed = await postFile(c.owner, importAt, file, {
			clientId: clientB,
			confirmOtherClient: 'on'
		});
		expect(confirmed.status).toBe(303);
		const keptItem = await c.owner.get(
			`${confirmed.location!.replace(/\/result$/, '')}/items/CMP-001`
		);
		expect(keptItem.text).toContain('Only on weekdays');
		// The other choice: the answers come, their notes, evidence and owners stay behind.
		const stripped = await postFile(c.owner, importAt, file, {
			clientId: clientB,
			otherClient: 'strip'
		});
		expect(stripped.status).toBe(303);
		const strippedItem = await c.owner.get(
			`${stripped.location!.replace(/\/result$/, '')}/items/CMP-001`
		);
		expect(strippedItem.status).toBe(200);
		expect(strippedItem.text).not.toContain('Only on weekdays');
		const bad = await postFile(c.owner, importAt, file, { clientId: clientB, otherClient: 'all' });
		expect(bad.status).toBe(400);
		const same = await postFile(c.owner, importAt, file, { clientId: clientA });
		expect(same.status).toBe(303);

		// The API: refused with the field named, unless confirm_other_client=true.
		const api = new Api(await createTokenInSettings(c.owner, c.orgId, 'import'));
		const exported = await api.get(`/assessments/${assessmentIdOf(base)}/export`);
		expect(exported.status).toBe(200);
		const refused = await api.post(`/assessments/import?client_id=${clientB}`, exported.json);
		expect(refused.status).toBe(400);
		expect(Object.keys(refused.json.error.fields)).toEqual(['client']);
		const accepted = await api.post(
			`/assessments/import?client_id=${clientB}&confirm_other_client=true`,
			exported.json
		);
		expect(accepted.status).toBe(201);
		expect((await api.get(`/assessments/${accepted.json.id}`)).json.client_id).toBe(clientB);
		const strippedApi = await api.post(
			`/assessments/import?client_id=${clientB}&other_client=strip`,
			exported.json
		);
		expect(strippedApi.status).toBe(201);
		const detail = await api.get(`/assessments/${strippedApi.json.id}`);
		expect(detail.json.answers['CMP-001']).toMatchObject({
			status: 'partial',
			note: '',
			owner: null
		});
		const badApi = await api.post(`/assessments/import?other_client=all`, exported.json);
		expect(badApi.status).toBe(400);
		expect(badApi.json.error.fields).toHaveProperty('other_client');
	}, 120_000);
});
