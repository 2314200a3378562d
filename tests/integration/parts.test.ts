import { describe, expect, it } from 'vitest';
import { mailTo } from '../helpers/mail';
import {
	assessmentIdOf,
	consultancy,
	createClient,
	inviteRespondent,
	joinByInvitation,
	startClientAssessment
} from '../helpers/consultancy';

const stateOf = (body: string) => body.match(/data-state="([a-z_]+)"/)?.[1];

describe('respondents submitting their parts', () => {
	it('keeps a draft until every domain in scope is submitted, then sends it to review', async () => {
		const c = await consultancy();
		const clientId = await createClient(c.owner, c.orgId, { name: 'Parts Client' });
		const base = await startClientAssessment(c.owner, c.orgId, clientId, 'Parts 2026');
		const questionnaire = await c.owner.get(`${base}/questionnaire`);
		const domains = [
			...new Set([...questionnaire.body.matchAll(/href="\?domain=([a-z_]+)"/g)].map((m) => m[1]!))
		];
		expect(domains.length).toBeGreaterThan(2);
		const [first, ...rest] = domains;
		const scoped = (d: string[]) => ({ assessmentId: assessmentIdOf(base), domains: d });
		const a = await joinByInvitation(
			await inviteRespondent(c.owner, c.orgId, clientId, scoped([first!]))
		);
		const b = await joinByInvitation(
			await inviteRespondent(c.owner, c.orgId, clientId, scoped(rest))
		);

		expect((await a.post(`${base}/review?/submit`, {})).status).toBe(200);
		const partly = await c.owner.get(`${base}/review`);
		expect(stateOf(partly.body)).toBe('draft');
		expect(partly.body).toContain(`data-part="${first}" data-submitted="yes"`);
		expect(partly.body).toContain(`data-part="${rest[0]}" data-submitted="no"`);
		expect(partly.text).toContain(`Parts submitted: 1 of ${domains.length} domains`);
		// Meanwhile the consultant may review the part already submitted.
		const accepted = await c.owner.post(`${base}/review?/flag_item`, {
			__superform_id: 'review-list',
			itemId: 'CMP-001'
		});
		expect(accepted.status).toBe(200);

		expect((await b.post(`${base}/review?/submit`, {})).status).toBe(200);
		const whole = await c.owner.get(`${base}/review`);
		expect(stateOf(whole.body)).toBe('in_review');
		expect(whole.text).toContain('Part submitted');
		await mailTo(c.ownerEmail, (m) => m.subject === '“Parts 2026” was submitted for review');

		// Sent back: the parts are cleared and each is submitted again.
		expect((await c.owner.post(`${base}/review?/request_changes`, {})).status).toBe(200);
		const back = await c.owner.get(`${base}/review`);
		expect(back.body).toContain(`data-part="${first}" data-submitted="no"`);
	});
});
