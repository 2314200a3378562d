import { describe, expect, it } from 'vitest';
import { Api, apiProfile, createTokenInSettings } from '../helpers/api';
import { saveAnswer } from '../helpers/assessment';
import {
	assessmentIdOf,
	consultancy,
	createClient,
	inviteMember,
	joinByInvitation,
	joinedRespondent,
	startClientAssessment
} from '../helpers/consultancy';

const CONFIRMED = { __superform_id: 'delete', confirmed: 'on' };
const apiClientIds = async (api: Api, shelf = '') =>
	(await api.get(`/clients${shelf}`)).json.clients.map((c: { id: string }) => c.id);
const apiAssessmentIds = async (api: Api, shelf = '') =>
	(await api.get(`/assessments${shelf}`)).json.assessments.map((a: { id: string }) => a.id);

describe('archiving, restoring, deleting and purging a client', () => {
	it('takes an archived client out of the lists and pickers, a deleted one (with its assessments) from everyone, and lets only an owner purge it, typing its name', async () => {
		const c = await consultancy();
		const consultant = await joinByInvitation(await inviteMember(c.owner, c.orgId, 'consultant'));
		const clientId = await createClient(c.owner, c.orgId, {
			name: 'Ended Client Ltd',
			notes: 'Engagement ends in March'
		});
		const base = await startClientAssessment(c.owner, c.orgId, clientId, 'Ended Client 2026');
		const assessmentId = assessmentIdOf(base);
		expect((await saveAnswer(consultant, base, 'LIC-001', 0, { status: 'partial' })).status).toBe(
			200
		);
		const page = `/o/${c.orgId}/clients/${clientId}`;
		const list = `/o/${c.orgId}/clients`;
		const inList = async (path: string) =>
			(await c.owner.get(path)).body.includes(`/clients/${clientId}"`);
		const api = new Api(await createTokenInSettings(c.owner, c.orgId));

		// The client page offers the lifecycle to those who manage clients.
		const shown = await c.owner.get(page);
		expect(shown.body).toContain(`href="${page}/lifecycle"`);
		expect(shown.text).toContain('Archive or delete');

		// Archived by a consultant: out of the list, the dashboard, the picker and the API's list.
		const archived = await consultant.post(`${page}/lifecycle?/archive`, {});
		expect(archived.status).toBe(200);
		expect(archived.text).toContain('Archived.');
		expect(await inList(list)).toBe(false);
		expect(await inList(`${list}?shelf=archived`)).toBe(true);
		expect((await c.owner.get(`/o/${c.orgId}`)).body).not.toContain(`data-client="${clientId}"`);
		expect((await c.owner.get(`/o/${c.orgId}/assessments`)).body).not.toContain(
			`value="${clientId}"`
		);
		expect(await apiClientIds(api)).not.toContain(clientId);
		// The API lists it on its shelf, saying when it was archived.
		const archivedInApi = await api.get('/clients?shelf=archived');
		expect(archivedInApi.json.clients).toEqual([
			expect.objectContaining({ id: clientId, archived_at: expect.any(String), deleted_at: null })
		]);
		expect((await api.get('/clients?shelf=shelved')).status).toBe(400);
		// Still readable, as are its assessments; archiving it again does not apply.
		const archivedPage = await c.owner.get(page);
		expect(archivedPage.status).toBe(200);
		expect(archivedPage.body).toContain('data-shelf="archived"');
		expect(archivedPage.text).toMatch(/archived on \d{1,2} \w{3} \d{4}/);
		expect((await c.owner.get(`${base}/questionnaire`)).status).toBe(200);
		expect((await consultant.post(`${page}/lifecycle?/archive`, {})).status).toBe(409);

		// No new assessment under it: from its page, the assessments list, or the API.
		const fromPage = await c.owner.post(`${page}?/start`, { title: 'Under archived' });
		expect(fromPage.status).toBe(400);
		const fromList = await c.owner.post(`/o/${c.orgId}/assessments?/start`, {
			title: 'Under archived',
			clientId
		});
		expect(fromList.status).toBe(400);
		expect(fromList.text).toContain(
			'This client is archived: no new assessment can start under it. Restore the client first.'
		);
		const fromApi = await api.post('/assessments', { client_id: clientId, profile: apiProfile });
		expect(fromApi.status).toBe(409);
		expect(fromApi.json.error).toMatchObject({
			code: 'client_archived',
			fields: { client_id: expect.any(String) }
		});

		// Nor restored from an export into it, on the web or through the API.
		const exported = await api.get(`/assessments/${assessmentId}/export`);
		expect(exported.status).toBe(200);
		const imported = await api.post(
			`/assessments/import?client_id=${clientId}&confirm_other_client=true`,
			exported.json
		);
		expect(imported.status).toBe(409);
		expect(imported.json.error).toMatchObject({
			code: 'client_archived',
			fields: { client_id: expect.any(String) }
		});

		// Restored: back everywhere.
		expect((await consultant.post(`${page}/lifecycle?/restore`, {})).status).toBe(200);
		expect(await inList(list)).toBe(true);
		expect(await apiClientIds(api)).toContain(clientId);

		// Deleting asks for the ticked box, after offering each assessment's exports.
		const lifecycle = await c.owner.get(`${page}/lifecycle`);
		expect(lifecycle.body).toContain(`${base}/export.json`);
		expect(lifecycle.body).toContain(`${base}/evidence.zip`);
		const unconfirmed = await consultant.post(`${page}/lifecycle?/delete`, {
			__superform_id: 'delete'
		});
		expect(unconfirmed.status).toBe(400);
		expect(unconfirmed.text).toContain('Tick the confirmation to delete.');
		expect((await c.owner.get(page)).status).toBe(200);

		// Deleted: the client and its assessment answer 404 everywhere but its lifecycle page.
		const deleted = await consultant.post(`${page}/lifecycle?/delete`, CONFIRMED);
		expect(deleted.status).toBe(303);
		expect(deleted.location).toBe(`${page}/lifecycle`);
		for (const path of [page, `${base}/questionnaire`, `${base}/export.json`])
			expect((await c.owner.get(path)).status, path).toBe(404);
		expect((await api.get(`/assessments/${assessmentId}`)).status).toBe(404);
		expect(await apiClientIds(api)).not.toContain(clientId);
		expect(await apiClientIds(api, '?shelf=deleted')).toEqual([clientId]);
		expect(await apiAssessmentIds(api)).not.toContain(assessmentId);
		const deletedInApi = (await api.get('/assessments?shelf=deleted')).json.assessments;
		expect(deletedInApi).toEqual([
			expect.objectContaining({ id: assessmentId, deleted_at: expect.any(String) })
		]);
		const deletedLifecycle = await c.owner.get(`${page}/lifecycle`);
		expect(deletedLifecycle.status).toBe(200);
		expect(deletedLifecycle.text).toMatch(/will be purged on \d{1,2} \w{3} \d{4}/);
		const deletedList = await c.owner.get(`${list}?shelf=deleted`);
		expect(deletedList.body).toContain(`data-deleted="${clientId}"`);
		expect(deletedList.text).toMatch(/purged on \d{1,2} \w{3} \d{4}/);
		// Its assessment comes back with the client only.
		const alone = await c.owner.post(`${base}/lifecycle?/restore`, {});
		expect(alone.status).toBe(409);
		expect(alone.text).toContain('This assessment’s client is deleted');
		expect((await consultant.post(`${page}/lifecycle?/restore`, {})).status).toBe(200);
		expect((await c.owner.get(`${base}/questionnaire`)).status).toBe(200);
		expect((await consultant.post(`${page}/lifecycle?/delete`, CONFIRMED)).status).toBe(303);

		// The purge: an owner's, confirmed by the name; a consultant is refused.
		expect(
			(
				await consultant.post(`${page}/lifecycle?/purge`, {
					__superform_id: 'purge',
					confirmation: 'Ended Client Ltd'
				})
			).status
		).toBe(403);
		const wrong = await c.owner.post(`${page}/lifecycle?/purge`, {
			__superform_id: 'purge',
			confirmation: 'Ended Client'
		});
		expect(wrong.status).toBe(400);
		expect(wrong.text).toContain('Type the client’s name to confirm the purge.');
		const purged = await c.owner.post(`${page}/lifecycle?/purge`, {
			__superform_id: 'purge',
			confirmation: 'Ended Client Ltd'
		});
		expect(purged.status).toBe(303);
		expect(purged.location).toBe(`${list}?shelf=deleted`);
		expect((await c.owner.get(`${page}/lifecycle`)).status).toBe(404);
		expect((await c.owner.get(`${base}/lifecycle`)).status).toBe(404);
		expect(await inList(`${list}?shelf=deleted`)).toBe(false);
	});

	it('offers none of it to a viewer, a respondent or another organisation', async () => {
		const c = await consultancy('zh');
		const viewer = await joinByInvitation(await inviteMember(c.owner, c.orgId, 'viewer'), 'zh');
		const clientId = await createClient(c.owner, c.orgId, { name: '只读客户' });
		const base = await startClientAssessment(c.owner, c.orgId, clientId, '只读 2026');
		const { respondent } = await joinedRespondent(c.owner, c.orgId, clientId, base, 'zh');
		const other = await consultancy('zh');
		const lifecycle = `/o/${c.orgId}/clients/${clientId}/lifecycle`;
		for (const who of [viewer, respondent, other.owner]) {
			expect((await who.get(lifecycle)).status).toBe(404);
			for (const action of ['archive', 'restore', 'delete', 'purge'])
				expect((await who.post(`${lifecycle}?/${action}`, CONFIRMED)).status).toBe(404);
		}
		// The viewer reads the client but is offered no lifecycle.
		const page = await viewer.get(`/o/${c.orgId}/clients/${clientId}`);
		expect(page.status).toBe(200);
		expect(page.body).not.toContain(`${lifecycle}"`);
		// The owner's page, in Chinese.
		const owner = await c.owner.get(lifecycle);
		expect(owner.text).toContain('归档');
		expect(owner.text).toContain('删除前请先导出各项评估');
		expect(owner.text).toContain('我已导出需要保留的内容，确认删除该客户及其全部评估（1 项）');
	});
});
