import { describe, expect, it } from 'vitest';
import { Api, createTokenInSettings } from '../helpers/api';
import { postFile } from '../helpers/upload';
import {
	assessmentIdOf,
	consultancy,
	createClient,
	inviteMember,
	inviteRespondent,
	joinByInvitation,
	startClientAssessment
} from '../helpers/consultancy';

describe('an assessment’s due date and responsible consultant', () => {
	it('is set by owners and consultants, shown on the assessment and the dashboard, and in the API', async () => {
		const c = await consultancy();
		const clientId = await createClient(c.owner, c.orgId, { name: 'Schedule Client' });
		const base = await startClientAssessment(c.owner, c.orgId, clientId, 'Schedule 2026');
		const consultant = await joinByInvitation(await inviteMember(c.owner, c.orgId, 'consultant'));
		const respondent = await joinByInvitation(await inviteRespondent(c.owner, c.orgId, clientId));
		const members = await c.owner.get(`/o/${c.orgId}/members`);
		const ids = [...members.body.matchAll(/name="userId" value="([0-9a-f-]{36})"/g)].map(
			(m) => m[1]!
		);
		const form = await consultant.get(`${base}/schedule`);
		expect(form.status).toBe(200);
		// The choices are the owners and consultants; the respondent is not among them.
		const offered = [...form.body.matchAll(/<option value="([0-9a-f-]{36})"/g)].map((m) => m[1]!);
		expect(offered).toHaveLength(2);
		const respondentId = ids.find((id) => !offered.includes(id))!;
		const consultantChoice = offered.find((id) => form.body.includes(`value="${id}">王芳`))!;
		expect(consultantChoice).toBeDefined();

		// A respondent neither sees the form nor can post it.
		expect((await respondent.get(`${base}/schedule`)).status).toBe(404);
		expect(
			(await respondent.post(`${base}/schedule?/save`, { dueDate: '2026-01-15' })).status
		).toBe(404);

		// Bad input names its field; a respondent cannot be made responsible.
		const badDate = await consultant.post(`${base}/schedule?/save`, {
			dueDate: '2026-13-45',
			responsibleUserId: ''
		});
		expect(badDate.status).toBe(400);
		expect(badDate.body).toMatch(/id="field-dueDate-error"[^>]*>This value is not valid/);
		const notConsultant = await consultant.post(`${base}/schedule?/save`, {
			dueDate: '2026-01-15',
			responsibleUserId: respondentId
		});
		expect(notConsultant.status).toBe(400);
		expect(notConsultant.text).toContain(
			'Only an owner or consultant of this organisation can be responsible.'
		);

		// Set, in the past: overdue on the assessment's head and on the consultancy's dashboard.
		const saved = await consultant.post(`${base}/schedule?/save`, {
			dueDate: '2026-01-15',
			responsibleUserId: consultantChoice
		});
		expect(saved.status).toBe(200);
		expect(saved.text).toContain('Due date and responsible consultant saved.');
		const head = await respondent.get(`${base}/questionnaire`);
		expect(head.body).toContain('data-due="2026-01-15"');
		expect(head.body).toContain('data-standing="overdue"');
		expect(head.text).toContain('Responsible consultant: 王芳');
		// Only owners and consultants are offered the form.
		expect(head.body).not.toContain(`${base}/schedule`);
		expect((await c.owner.get(`${base}/questionnaire`)).body).toContain(`${base}/schedule`);
		const dashboard = await c.owner.get(`/o/${c.orgId}`);
		const row = dashboard.body.slice(dashboard.body.indexOf(`data-client="${clientId}"`));
		expect(row).toMatch(/data-due="2026-01-15"[\s\S]*data-standing="overdue"[\s\S]*王芳/);

		// The API carries both, and sets them (an unknown person is a field error).
		const api = new Api(await createTokenInSettings(c.owner, c.orgId));
		const id = assessmentIdOf(base);
		const detail = await api.get(`/assessments/${id}`);
		expect(detail.json).toMatchObject({
			due_date: '2026-01-15',
			responsible_user_id: consultantChoice
		});
		const listed = await api.get('/assessments');
		expect(listed.json.assessments.find((a: { id: string }) => a.id === id)).toMatchObject({
			due_date: '2026-01-15'
		});
		const invalid = await api.put(`/assessments/${id}/schedule`, {
			due_date: 'soon',
			responsible_user_id: null
		});
		expect(invalid.status).toBe(400);
		expect(invalid.json.error.fields).toHaveProperty('due_date');
		const stranger = await api.put(`/assessments/${id}/schedule`, {
			due_date: '2099-06-30',
			responsible_user_id: respondentId
		});
		expect(stranger.status).toBe(400);
		expect(stranger.json.error.fields).toHaveProperty('responsible_user_id');
		const cleared = await api.put(`/assessments/${id}/schedule`, {
			due_date: '2099-06-30',
			responsible_user_id: null
		});
		expect(cleared.status).toBe(200);
		expect(cleared.json).toMatchObject({ due_date: '2099-06-30', responsible_user_id: null });
		const after = await respondent.get(`${base}/questionnaire`);
		expect(after.body).toContain('data-due="2099-06-30"');
		expect(after.body).not.toContain('data-standing=');
		const spec = await api.get('/openapi.json');
		expect(spec.json.paths['/assessments/{id}/schedule'].put).toBeDefined();
	});

	it('answers field errors in the reader’s language', async () => {
		const c = await consultancy('zh');
		const clientId = await createClient(c.owner, c.orgId, { name: '期限客户' });
		const base = await startClientAssessment(c.owner, c.orgId, clientId, '期限 2026');
		const bad = await c.owner.post(`${base}/schedule?/save`, { dueDate: 'tomorrow' });
		expect(bad.status).toBe(400);
		expect(bad.body).toMatch(/id="field-dueDate-error"[^>]*>[^<]*[\u4e00-\u9fff]/);
		const page = await c.owner.get(`${base}/questionnaire`);
		expect(page.text).toContain('评估期限');
		expect(page.text).toContain('设定期限与负责顾问');
	});

	it('lists expired and soon-expiring evidence on the consultancy’s overview', async () => {
		const c = await consultancy();
		const clientId = await createClient(c.owner, c.orgId, { name: 'Expiry Client' });
		const base = await startClientAssessment(c.owner, c.orgId, clientId, 'Expiry 2026');
		const files: [string, string][] = [
			['licence-2099.pdf', '2099-01-01'],
			['licence-old.pdf', '2026-01-10']
		];
		for (const [name, expires] of files)
			expect(
				(
					await postFile(
						c.owner,
						`${base}/items/LIC-001/evidence`,
						{ name, type: 'application/pdf', bytes: `%PDF-1.4 ${name}` },
						{ effective_on: '2025-01-01', expires_on: expires }
					)
				).status
			).toBe(303);
		const overview = await c.owner.get(`/o/${c.orgId}`);
		const queue = overview.body.slice(overview.body.indexOf('data-evidence-queue'));
		expect(queue).toContain('licence-old.pdf');
		expect(queue).toContain('Expired on 2026-01-10');
		expect(queue).toContain(`${base}/items/LIC-001#evidence`);
		expect(queue).toContain('Expiry Client');
		// Valid for years: not in the queue.
		expect(queue).not.toContain('licence-2099.pdf');
	});
});
