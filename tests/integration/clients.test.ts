import { describe, expect, it } from 'vitest';
import { Browser, signUp } from '../helpers/browser';
import { saveAnswer } from '../helpers/assessment';
import { consultancy, createClient, startClientAssessment } from '../helpers/consultancy';

/** The figures of one client's row on the dashboard. */
function dashboardRow(body: string, clientId: string) {
	const row = body.match(new RegExp(`<tr data-client="${clientId}"[\\s\\S]*?</tr>`))?.[0];
	if (!row) throw new Error(`no dashboard row for ${clientId}`);
	const figure = (name: string) =>
		Number(row.match(new RegExp(`data-figure="${name}"[^>]*>(\\d+)<`))?.[1]);
	return {
		html: row,
		critical: figure('critical'),
		overdue: figure('overdue'),
		review: figure('review')
	};
}

describe('clients', () => {
	it('keep a change made meanwhile: a stale edit form writes only what its user changed', async () => {
		const { owner, orgId } = await consultancy();
		const clientId = await createClient(owner, orgId, { name: 'Stale Form', contact: 'Wang Fang' });
		const shown = {
			name: 'Stale Form',
			registeredName: '上海陆家嘴智投科技有限公司',
			businessScope: '',
			contact: 'Wang Fang',
			notes: ''
		};
		const loaded = JSON.stringify(shown);
		const update = (fields: Partial<typeof shown>) =>
			owner.post(`/o/${orgId}/clients/${clientId}?/update`, { ...shown, ...fields, loaded });
		const page = () => owner.get(`/o/${orgId}/clients/${clientId}`);
		expect((await page()).body).toContain('name="loaded"');

		// A second tab renames the firm; the first, opened before, changes only the contact.
		expect((await update({ registeredName: '上海陆家嘴新名称有限公司' })).status).toBe(200);
		expect((await update({ contact: 'Li Qiang' })).status).toBe(200);
		expect((await page()).text).toContain('上海陆家嘴新名称有限公司');
		expect((await page()).text).toContain('Li Qiang');

		// Both change the same field to different values: the later one is refused, nothing saved.
		const refused = await update({ registeredName: '上海另一个名称有限公司', notes: 'mine' });
		expect(refused.status).toBe(409);
		expect(refused.text).toContain('Someone changed this client’s details');
		expect((await page()).text).not.toContain('上海另一个名称有限公司');
		expect((await page()).text).not.toContain('mine');
	});

	it('are created, listed and edited; a bad form names the field and saves nothing', async () => {
		const { owner, orgId } = await consultancy();
		const refused = await owner.post(`/o/${orgId}/clients?/create`, {
			name: '  ',
			registeredName: 'Nameless Ltd'
		});
		expect(refused.status).toBe(400);
		expect(refused.text).toContain('This field is required.');
		expect((await owner.get(`/o/${orgId}/clients`)).text).toContain('No clients yet.');

		const clientId = await createClient(owner, orgId, {
			name: 'Lujiazui Robo',
			registeredName: 'Shanghai Lujiazui Robo Advisory Co., Ltd.',
			contact: 'Wang Fang',
			notes: 'Signed in March.'
		});
		const list = await owner.get(`/o/${orgId}/clients`);
		expect(list.text).toContain('Lujiazui Robo');
		expect(list.text).toContain('Wang Fang');

		const edited = await owner.post(`/o/${orgId}/clients/${clientId}?/update`, {
			name: 'Lujiazui Robo Tech',
			registeredName: '',
			contact: 'Li Qiang',
			notes: 'Renewed.'
		});
		expect(edited.status).toBe(200);
		const page = await owner.get(`/o/${orgId}/clients/${clientId}`);
		expect(page.text).toContain('Lujiazui Robo Tech');
		expect(page.text).toContain('Li Qiang');
		expect(page.text).not.toContain('Shanghai Lujiazui Robo Advisory');
	});

	it('have their own assessments; another organisation’s client is refused', async () => {
		const { owner, orgId } = await consultancy();
		const clientId = await createClient(owner, orgId, { name: 'Client One' });
		const base = await startClientAssessment(owner, orgId, clientId, 'Client One 2026');
		const page = await owner.get(`/o/${orgId}/clients/${clientId}`);
		expect(page.body).toContain(base);
		expect((await owner.get(`/o/${orgId}/assessments`)).text).toContain('Client One');

		const other = await consultancy();
		const theirs = await createClient(other.owner, other.orgId, { name: 'Their client' });
		const start = await owner.post(`/o/${orgId}/assessments?/start`, {
			title: 'Sneaky',
			clientId: theirs
		});
		expect(start.status).toBe(400);
		expect(start.text).toContain('does not belong to this organisation');
		expect((await owner.get(`/o/${orgId}/clients/${theirs}`)).status).toBe(404);
		expect((await owner.get(`/o/${orgId}/assessments`)).text).not.toContain('Sneaky');
	});

	it('are a consultancy’s: a firm has no clients area', async () => {
		const firm = new Browser();
		const { orgId } = await signUp(firm, { orgKind: 'firm' });
		expect((await firm.get(`/o/${orgId}/clients`)).status).toBe(404);
		expect((await firm.post(`/o/${orgId}/clients?/create`, { name: 'X' })).status).toBe(404);
		expect((await firm.get(`/o/${orgId}`)).text).not.toContain('Clients at a glance');
	});
});

describe('consultancy dashboard', () => {
	it('shows per client the latest verdict, critical gaps, overdue actions and reviews waiting', async () => {
		const { owner, orgId } = await consultancy();
		const busy = await createClient(owner, orgId, { name: 'Busy Client' });
		const quiet = await createClient(owner, orgId, { name: 'Quiet Client' });
		const old = await startClientAssessment(owner, orgId, busy, 'Busy 2025');
		expect((await owner.post(`${old}/review?/submit`, {})).status).toBe(200);
		const latest = await startClientAssessment(owner, orgId, busy, 'Busy 2026');
		// CMP-001 is critical: a non-compliant answer due in the past is an open critical gap and overdue.
		await saveAnswer(owner, latest, 'CMP-001', 0, {
			status: 'non_compliant',
			owner: 'Compliance',
			due: '2020-01-31'
		});
		await saveAnswer(owner, latest, 'CMP-002', 0, {
			status: 'partial',
			owner: 'Compliance',
			due: '2999-12-31'
		});
		await saveAnswer(owner, latest, 'LIC-001', 0, { status: 'compliant' });

		const page = await owner.get(`/o/${orgId}`);
		expect(page.status).toBe(200);
		const row = dashboardRow(page.body, busy);
		expect(row.html).toContain('Busy 2026');
		expect(row.html).not.toContain('Busy 2025');
		// Three answers: no verdict yet, but the open critical gap is counted.
		expect(row.html).toContain('Not yet assessed');
		expect(row.critical).toBe(1);
		expect(row.overdue).toBe(1);
		expect(row.review).toBe(1);

		const empty = dashboardRow(page.body, quiet);
		expect(empty.html).toContain('No assessment yet');
		expect([empty.critical, empty.overdue, empty.review]).toEqual([0, 0, 0]);
	});
});
