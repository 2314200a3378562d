import { describe, expect, it } from 'vitest';
import { saveAnswer } from '../helpers/assessment';
import { mailTo, mailsTo } from '../helpers/mail';
import {
	consultancy,
	createClient,
	FINALISE_OVER,
	invitedEmailOf,
	inviteMember,
	inviteRespondent,
	joinByInvitation,
	startClientAssessment
} from '../helpers/consultancy';

describe('mails on an assessment’s moves', () => {
	it('tells reviewers of a submission, respondents of a send-back and everyone of the sign-off, each in their language', async () => {
		const c = await consultancy();
		const clientId = await createClient(c.owner, c.orgId, { name: 'Notified Client' });
		const base = await startClientAssessment(c.owner, c.orgId, clientId, 'Notified 2026');
		const consultantLink = await inviteMember(c.owner, c.orgId, 'consultant');
		const consultantEmail = invitedEmailOf(consultantLink)!;
		const consultant = await joinByInvitation(consultantLink, 'en');
		const respondentLink = await inviteRespondent(c.owner, c.orgId, clientId);
		const respondentEmail = invitedEmailOf(respondentLink)!;
		const respondent = await joinByInvitation(respondentLink, 'zh');

		expect((await saveAnswer(respondent, base, 'CMP-001', 0, { status: 'partial' })).status).toBe(
			200
		);
		expect((await respondent.post(`${base}/review?/submit`, {})).status).toBe(200);
		const submitted = await mailTo(consultantEmail, (m) => m.subject.includes('submitted'));
		expect(submitted.subject).toBe('“Notified 2026” was submitted for review');
		expect(submitted.text).toContain('王芳 submitted the assessment “Notified 2026”');
		expect(submitted.text).toContain(`${base}/review`);
		// The one who submitted is not told of their own move.
		expect(mailsTo(respondentEmail).some((m) => m.subject.includes('提交复核'))).toBe(false);

		await consultant.post(`${base}/items/CMP-001?/review`, {
			itemId: 'CMP-001',
			decision: 'changes_requested'
		});
		expect((await consultant.post(`${base}/review?/request_changes`, {})).status).toBe(200);
		const sentBack = await mailTo(respondentEmail, (m) => m.subject.includes('退回修改'));
		expect(sentBack.subject).toBe('「Notified 2026」已退回修改');
		expect(sentBack.text).toContain('要求修改的检查项：CMP-001');
		expect(sentBack.text).toContain(`${base}/questionnaire`);

		expect((await respondent.post(`${base}/review?/submit`, {})).status).toBe(200);
		expect((await consultant.post(`${base}/review?/finalise`, FINALISE_OVER)).status).toBe(200);
		const finalZh = await mailTo(respondentEmail, (m) => m.subject.includes('已定稿'));
		expect(finalZh.text).toContain('答案已锁定');
		const finalEn = await mailTo(c.ownerEmail, (m) => m.subject.includes('is final'));
		expect(finalEn.subject).toBe('“Notified 2026” is final');
	}, 90_000);
});
