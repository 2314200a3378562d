import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from '../helpers/browser';
import { saveAnswer } from '../helpers/assessment';
import {
	consultancy,
	createClient,
	inviteMember,
	inviteRespondent,
	joinByInvitation,
	startClientAssessment
} from '../helpers/consultancy';

/** The items the review list shows, in order, with their review state. */
const rowsOf = (body: string) =>
	[...body.matchAll(/data-item-row="([A-Z]+-\d+)" data-review-state="([a-z_]+)"/g)].map(
		([, id, state]) => `${id}:${state}`
	);

describe('the review workspace', () => {
	let consultant: Browser;
	let respondent: Browser;
	let base: string;

	beforeAll(async () => {
		const c = await consultancy();
		const clientId = await createClient(c.owner, c.orgId, { name: 'Workspace Client' });
		base = await startClientAssessment(c.owner, c.orgId, clientId, 'Workspace 2026');
		consultant = await joinByInvitation(await inviteMember(c.owner, c.orgId, 'consultant'));
		respondent = await joinByInvitation(await inviteRespondent(c.owner, c.orgId, clientId));
		for (const [id, status, note, evidence] of [
			[
				'CMP-001',
				'partial',
				'Complaints desk staffed on weekdays only',
				'complaints-policy-v3.pdf'
			],
			['CMP-002', 'compliant', '', 'https://intranet.example/complaints-log'],
			['CMP-003', 'compliant', '', '']
		])
			expect(
				(
					await saveAnswer(respondent, base, id!, 0, {
						status: status!,
						note: note!,
						evidence: evidence!
					})
				).status
			).toBe(200);
	});

	it('shows each answer, its note and evidence inline, and filters by answer and review state', async () => {
		const page = await consultant.get(`${base}/review?domain=complaints`);
		expect(page.status).toBe(200);
		expect(page.text).toContain('Complaints desk staffed on weekdays only');
		expect(page.text).toContain('complaints-policy-v3.pdf');
		expect(page.text).toContain('https://intranet.example/complaints-log');
		expect(rowsOf(page.body).slice(0, 3)).toEqual([
			'CMP-001:pending',
			'CMP-002:pending',
			'CMP-003:pending'
		]);
		const gaps = await consultant.get(`${base}/review?domain=complaints&show=gaps`);
		expect(rowsOf(gaps.body)).toContain('CMP-001:pending');
		expect(rowsOf(gaps.body)).not.toContain('CMP-002:pending');
		const unanswered = await consultant.get(`${base}/review?domain=complaints&show=unanswered`);
		expect(rowsOf(unanswered.body).map((r) => r.split(':')[0])).not.toContain('CMP-001');
		expect((await consultant.get(`${base}/review?domain=nowhere`)).status).toBe(404);
	});

	it('accepts and flags in place, accepts the chosen items at once, and each lands in the audit log', async () => {
		const one = await consultant.post(`${base}/review?/accept_item&domain=complaints`, {
			__superform_id: 'review-list',
			itemId: 'CMP-003'
		});
		expect(one.status).toBe(200);
		expect(one.text).toContain('CMP-003 accepted.');
		const flagged = await consultant.post(`${base}/review?/flag_item`, {
			__superform_id: 'review-list',
			itemId: 'CMP-001'
		});
		expect(flagged.status).toBe(200);

		// Bulk: the unanswered one is skipped, not accepted.
		const bulk = await consultant.post(`${base}/review?/accept_chosen`, {
			__superform_id: 'review-list',
			items: ['CMP-002', 'CMP-004']
		});
		expect(bulk.status).toBe(200);
		expect(bulk.text).toContain('1 item accepted.');
		expect(bulk.text).toContain('skipped: CMP-004');
		const none = await consultant.post(`${base}/review?/accept_chosen`, {
			__superform_id: 'review-list'
		});
		expect(none.status).toBe(400);

		const accepted = await consultant.get(`${base}/review?domain=complaints&review=accepted`);
		expect(rowsOf(accepted.body)).toEqual(['CMP-002:accepted', 'CMP-003:accepted']);
		const toChange = await consultant.get(`${base}/review?review=changes_requested`);
		expect(rowsOf(toChange.body)).toEqual(['CMP-001:changes_requested']);
		const history = await consultant.get(`${base}/items/CMP-002`);
		expect(history.body).toContain('data-review="accepted"');
	});

	it('finds the answers changed since my own decision', async () => {
		expect(
			(await saveAnswer(respondent, base, 'CMP-002', 1, { status: 'partial', note: 'Log lapsed' }))
				.status
		).toBe(200);
		const changed = await consultant.get(`${base}/review?changed=1`);
		expect(rowsOf(changed.body)).toEqual(['CMP-002:pending']);
		expect(changed.text).toContain('Changed since your decision');
	});

	it('lets respondents read the list but not decide', async () => {
		const page = await respondent.get(`${base}/review?domain=complaints`);
		expect(page.status).toBe(200);
		expect(page.body).not.toContain('formaction="?/accept_item');
		const refused = await respondent.post(`${base}/review?/accept_item`, {
			__superform_id: 'review-list',
			itemId: 'CMP-002'
		});
		expect(refused.status).toBe(403);
	});
});
