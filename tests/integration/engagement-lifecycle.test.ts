import { describe, expect, it } from 'vitest';
import { Api, createTokenInSettings } from '../helpers/api';
import { saveAnswer } from '../helpers/assessment';
import {
	assessmentIdOf,
	consultancy,
	createClient,
	inviteMember,
	joinByInvitation,
	startClientAssessment
} from '../helpers/consultancy';
import { postFile } from '../helpers/upload';

const listed = (body: string, id: string) => new RegExp(`/assessments/${id}["/]`).test(body);

describe('archiving, restoring, deleting and purging an assessment', () => {
	it('hides an archived one from the default lists, a deleted one from everyone, and lets only an owner purge, typing its title', async () => {
		const c = await consultancy();
		const consultant = await joinByInvitation(await inviteMember(c.owner, c.orgId, 'consultant'));
		const clientId = await createClient(c.owner, c.orgId, { name: 'Ended Client' });
		const base = await startClientAssessment(c.owner, c.orgId, clientId, 'Ended 2026');
		const id = assessmentIdOf(base);
		expect((await saveAnswer(consultant, base, 'LIC-001', 0, { status: 'partial' })).status).toBe(
			200
		);
		const uploaded = await postFile(c.owner, `${base}/items/LIC-001/evidence`, {
			name: 'policy.pdf',
			type: 'application/pdf',
			bytes: '%PDF-1.4 ended'
		});
		expect(uploaded.status).toBe(303);
		const fileId = (await c.owner.get(`${base}/items/LIC-001`)).body.match(
			/data-file-id="([0-9a-f-]{36})"/
		)![1]!;
		const list = `/o/${c.orgId}/assessments`;

		// Archived by a consultant: out of the list and the dashboard, still readable, restorable.
		const archived = await consultant.post(`${base}/lifecycle?/archive`, {});
		expect(archived.status).toBe(200);
		expect(archived.text).toContain('Archived.');
		expect(listed((await c.owner.get(list)).body, id)).toBe(false);
		expect(listed((await c.owner.get(`${list}?shelf=archived`)).body, id)).toBe(true);
		const dashboard = await c.owner.get(`/o/${c.orgId}`);
		expect(dashboard.body.slice(dashboard.body.indexOf(`data-client="${clientId}"`))).toContain(
			'No assessment yet'
		);
		const page = await c.owner.get(`${base}/questionnaire`);
		expect(page.status).toBe(200);
		expect(page.body).toContain('data-shelf="archived"');
		expect((await consultant.post(`${base}/lifecycle?/archive`, {})).status).toBe(409);
		expect((await consultant.post(`${base}/lifecycle?/restore`, {})).status).toBe(200);
		expect(listed((await c.owner.get(list)).body, id)).toBe(true);

		// Deleted: every page, download and API call answers 404; the lifecycle page restores it.
		const api = new Api(await createTokenInSettings(c.owner, c.orgId));
		// Not without the ticked box: refused on the field, nothing deleted.
		const unconfirmed = await consultant.post(`${base}/lifecycle?/delete`, {});
		expect(unconfirmed.status).toBe(400);
		expect(unconfirmed.text).toContain('Tick the confirmation to delete.');
		expect((await c.owner.get(`${base}/questionnaire`)).status).toBe(200);
		const deleted = await consultant.post(`${base}/lifecycle?/delete`, { confirmed: 'on' });
		expect(deleted.status).toBe(303);
		for (const path of ['/questionnaire', '/result', '/export.json', `/evidence/${fileId}`])
			expect((await c.owner.get(`${base}${path}`)).status).toBe(404);
		expect((await api.get(`/assessments/${id}`)).status).toBe(404);
		expect(
			(await api.get('/assessments')).json.assessments.map((a: { id: string }) => a.id)
		).not.toContain(id);
		const lifecycle = await c.owner.get(`${base}/lifecycle`);
		expect(lifecycle.status).toBe(200);
		expect(lifecycle.text).toMatch(/will be purged on \d{1,2} \w{3} \d{4}/);
		expect((await c.owner.get(`${list}?shelf=deleted`)).body).toContain(`data-deleted="${id}"`);
		expect((await consultant.post(`${base}/lifecycle?/restore`, {})).status).toBe(200);
		expect((await c.owner.get(`${base}/questionnaire`)).status).toBe(200);
		expect((await consultant.post(`${base}/lifecycle?/delete`, { confirmed: 'on' })).status).toBe(
			303
		);

		// The purge: an owner's, confirmed by the title; a consultant is refused.
		expect(
			(await consultant.post(`${base}/lifecycle?/purge`, { confirmation: 'Ended 2026' })).status
		).toBe(403);
		const wrong = await c.owner.post(`${base}/lifecycle?/purge`, {
			__superform_id: 'purge',
			confirmation: 'Ended'
		});
		expect(wrong.status).toBe(400);
		expect(wrong.text).toContain('Type the assessment’s title to confirm the purge.');
		expect((await c.owner.get(`${base}/lifecycle`)).status).toBe(200);
		const purged = await c.owner.post(`${base}/lifecycle?/purge`, {
			__superform_id: 'purge',
			confirmation: 'Ended 2026'
		});
		expect(purged.status).toBe(303);
		expect(purged.location).toBe(`${list}?shelf=deleted`);
		expect((await c.owner.get(`${base}/lifecycle`)).status).toBe(404);
		expect((await c.owner.get(`${list}?shelf=deleted`)).body).not.toContain(id);
	});

	it('offers none of it to a respondent or viewer', async () => {
		const c = await consultancy('zh');
		const viewer = await joinByInvitation(await inviteMember(c.owner, c.orgId, 'viewer'), 'zh');
		const clientId = await createClient(c.owner, c.orgId, { name: '只读客户' });
		const base = await startClientAssessment(c.owner, c.orgId, clientId, '只读 2026');
		expect((await viewer.get(`${base}/lifecycle`)).status).toBe(404);
		expect((await viewer.post(`${base}/lifecycle?/delete`, {})).status).toBe(404);
		const owner = await c.owner.get(`${base}/lifecycle`);
		expect(owner.text).toContain('归档');
		expect(owner.text).toContain('删除前请先导出');
	});
});
