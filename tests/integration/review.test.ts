import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from '../helpers/browser';
import { saveAnswer } from '../helpers/assessment';
import {
	consultancy,
	createClient,
	inviteMember,
	inviteRespondent,
	joinByInvitation,
	startClientAssessment,
	FINALISE_OVER
} from '../helpers/consultancy';

/** The item's review state as the page marks it. */
const reviewState = (body: string) => body.match(/data-review="([a-z_]+)"/)?.[1];
const assessmentState = (body: string) => body.match(/data-state="([a-z_]+)"/)?.[1];

describe('review', () => {
	let owner: Browser;
	let consultant: Browser;
	let respondent: Browser;
	let base: string;

	beforeAll(async () => {
		const c = await consultancy();
		owner = c.owner;
		const clientId = await createClient(owner, c.orgId, { name: 'Reviewed Client' });
		base = await startClientAssessment(owner, c.orgId, clientId, 'Reviewed 2026');
		consultant = await joinByInvitation(await inviteMember(owner, c.orgId, 'consultant'));
		respondent = await joinByInvitation(await inviteRespondent(owner, c.orgId, clientId));
	});

	it('goes draft → in review → changes requested → in review → final, with comments', async () => {
		expect(
			(await saveAnswer(respondent, base, 'CMP-001', 0, { status: 'partial', note: 'Desk only' }))
				.status
		).toBe(200);
		expect((await saveAnswer(respondent, base, 'CMP-002', 0, { status: 'compliant' })).status).toBe(
			200
		);
		expect((await respondent.post(`${base}/review?/submit`, {})).status).toBe(200);
		expect(assessmentState((await consultant.get(`${base}/review`)).body)).toBe('in_review');

		// The consultant comments, flags one item and accepts the other.
		const comment = await consultant.post(`${base}/items/CMP-001?/comment`, {
			__superform_id: 'comment',
			itemId: 'CMP-001',
			body: 'Please attach the complaints log for Q3.'
		});
		expect(comment.status).toBe(200);
		await consultant.post(`${base}/items/CMP-001?/review`, {
			itemId: 'CMP-001',
			decision: 'changes_requested'
		});
		await consultant.post(`${base}/items/CMP-002?/review`, {
			itemId: 'CMP-002',
			decision: 'accepted'
		});
		expect((await consultant.post(`${base}/review?/request_changes`, {})).status).toBe(200);

		// The respondent sees the state, the flagged item and the comment.
		const questionnaire = await respondent.get(`${base}/questionnaire?domain=complaints`);
		expect(assessmentState(questionnaire.body)).toBe('draft');
		expect(questionnaire.text).toContain('The reviewer asked for changes to 1 item:');
		const flagged = await respondent.get(`${base}/items/CMP-001`);
		expect(reviewState(flagged.body)).toBe('changes_requested');
		expect(flagged.text).toContain('Please attach the complaints log for Q3.');
		const reply = await respondent.post(`${base}/items/CMP-001?/comment`, {
			__superform_id: 'comment',
			itemId: 'CMP-001',
			body: 'Attached.'
		});
		expect(reply.status).toBe(200);

		// A changed answer is pending review again.
		expect(
			(
				await saveAnswer(respondent, base, 'CMP-001', 1, {
					status: 'compliant',
					evidence: 'complaints-log-q3.xlsx'
				})
			).status
		).toBe(200);
		expect(reviewState((await consultant.get(`${base}/items/CMP-001`)).body)).toBe('pending');
		expect((await respondent.post(`${base}/review?/submit`, {})).status).toBe(200);
		await consultant.post(`${base}/items/CMP-001?/review`, {
			itemId: 'CMP-001',
			decision: 'accepted'
		});
		const list = await consultant.get(base.replace(/\/assessments\/.*$/, '/assessments'));
		expect(list.text).toContain('2 accepted · 0 to change');

		// Two items accepted, the rest unanswered: the confirmation lists them, and finalising
		// over them needs an owner and a reason, both refused empty, nothing moved.
		const confirmation = await consultant.get(`${base}/review`);
		expect(confirmation.body).toMatch(/data-open="\d+"/);
		expect(confirmation.body).toContain('data-open-kind="unanswered"');
		expect(confirmation.body).not.toContain('data-open-kind="changes"');
		const bare = await consultant.post(`${base}/review?/finalise`, { __superform_id: 'finalise' });
		expect(bare.status).toBe(400);
		expect(bare.text).toContain('Items are still open: name an owner.');
		expect(bare.text).toContain('Items are still open: give the reason for finalising.');
		const noReason = await consultant.post(`${base}/review?/finalise`, {
			__superform_id: 'finalise',
			owner: 'Zhang Wei'
		});
		expect(noReason.status).toBe(400);
		expect(assessmentState((await consultant.get(`${base}/review`)).body)).toBe('in_review');

		const over = await consultant.post(`${base}/review?/finalise`, {
			__superform_id: 'finalise',
			owner: 'Zhang Wei',
			reason: 'The client scoped this pre-check to the complaints domain.'
		});
		expect(over.status).toBe(200);
		const history = await consultant.get(`${base}/review`);
		expect(history.text).toMatch(/Finalised with \d+ items? open \(owner: Zhang Wei\)/);
		expect(history.text).toContain('The client scoped this pre-check to the complaints domain.');
		expect(assessmentState((await respondent.get(`${base}/questionnaire`)).body)).toBe('final');
	});

	it('locks a final assessment; only an owner re-opens it, with a reason that is logged', async () => {
		const locked = await saveAnswer(respondent, base, 'CMP-002', 1, { status: 'partial' });
		expect(locked.status).toBe(409);
		expect(locked.text).toContain('This assessment is final: its answers are locked');
		expect(reviewState((await owner.get(`${base}/items/CMP-002`)).body)).toBe('accepted');

		expect((await consultant.post(`${base}/review?/reopen`, { reason: 'Typo' })).status).toBe(403);
		expect((await respondent.post(`${base}/review?/reopen`, { reason: 'Typo' })).status).toBe(403);
		const noReason = await owner.post(`${base}/review?/reopen`, {
			__superform_id: 'reopen',
			reason: ' '
		});
		expect(noReason.status).toBe(400);
		expect(assessmentState((await owner.get(`${base}/review`)).body)).toBe('final');

		const reopened = await owner.post(`${base}/review?/reopen`, {
			__superform_id: 'reopen',
			reason: 'Client found a wrong date in CMP-002'
		});
		expect(reopened.status).toBe(200);
		const review = await owner.get(`${base}/review`);
		expect(assessmentState(review.body)).toBe('draft');
		expect(review.body).toContain('data-action="assessment.reopen"');
		expect(review.text).toContain('Re-opened: Client found a wrong date in CMP-002');
		expect(review.text).toContain('Finalised');
		expect(review.text).toContain('Changes requested');
		expect((await saveAnswer(respondent, base, 'CMP-002', 1, { status: 'partial' })).status).toBe(
			200
		);
		// The answer accepted before changed: it waits for review again.
		expect(reviewState((await owner.get(`${base}/items/CMP-002`)).body)).toBe('pending');
	});

	it('refuses a second finalisation racing the first', async () => {
		const c = await consultancy();
		const clientId = await createClient(c.owner, c.orgId, { name: 'Race' });
		const b = await startClientAssessment(c.owner, c.orgId, clientId);
		await c.owner.post(`${b}/review?/submit`, {});
		const [one, two] = await Promise.all([
			c.owner.post(`${b}/review?/finalise`, FINALISE_OVER),
			c.owner.post(`${b}/review?/finalise`, FINALISE_OVER)
		]);
		expect([one.status, two.status].sort()).toEqual([200, 409]);
	});
});
