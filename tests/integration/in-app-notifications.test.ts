import { describe, expect, it } from 'vitest';
import type { Browser } from '../helpers/browser';
import { saveAnswer } from '../helpers/assessment';
import { mailTo, mailsTo } from '../helpers/mail';
import {
	assessmentIdOf,
	consultancy,
	createClient,
	FINALISE_OVER,
	invitedEmailOf,
	inviteMember,
	inviteRespondent,
	joinByInvitation,
	startClientAssessment
} from '../helpers/consultancy';
import { postFile } from '../helpers/upload';
import { Api, createTokenInSettings } from '../helpers/api';

/** One person's notifications as their page lists them: kind, read, text. */
async function notificationsOf(browser: Browser, orgId: string) {
	const page = await browser.get(`/o/${orgId}/notifications`);
	expect(page.status).toBe(200);
	const unread = Number(page.body.match(/class="notify-link"[^>]*data-unread="(\d+)"/)?.[1]);
	const items = [
		...page.body.matchAll(
			/<li[^>]*data-id="([0-9a-f-]{36})"[^>]*data-notification="([a-z_]+)"[^>]*data-read="([01])"[^>]*>([\s\S]*?)<\/li>/g
		)
	].map((m) => ({
		id: m[1]!,
		kind: m[2]!,
		read: m[3] === '1',
		text: m[4]!.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
	}));
	return { unread, items };
}

/** A member's user id, from the members page's row with their address. */
async function memberIdOf(owner: Browser, orgId: string, email: string): Promise<string> {
	const page = await owner.get(`/o/${orgId}/members`);
	const rows = [...page.body.matchAll(/<tr data-user="([0-9a-f-]{36})"[^>]*>([\s\S]*?)<\/tr>/g)];
	const row = rows.find((m) => m[2]!.includes(email));
	if (!row) throw new Error(`${email} is not a member`);
	return row[1]!;
}

const comment = (browser: Browser, base: string, itemId: string, body: string) =>
	browser.post(`${base}/items/${itemId}?/comment`, { __superform_id: 'comment', itemId, body });

async function team() {
	const c = await consultancy();
	const clientId = await createClient(c.owner, c.orgId, { name: 'Notice Client' });
	const base = await startClientAssessment(c.owner, c.orgId, clientId, 'Notice 2026');
	const consultantLink = await inviteMember(c.owner, c.orgId, 'consultant');
	const consultantEmail = invitedEmailOf(consultantLink)!;
	const consultant = await joinByInvitation(consultantLink, 'en');
	const respondentLink = await inviteRespondent(c.owner, c.orgId, clientId);
	const respondentEmail = invitedEmailOf(respondentLink)!;
	const respondent = await joinByInvitation(respondentLink, 'zh');
	return { ...c, clientId, base, consultant, consultantEmail, respondent, respondentEmail };
}

describe('in-app notifications', () => {
	it('a mention tells the member mentioned (in the app and by mail), and nobody else', async () => {
		const t = await team();
		// A member who is then removed, and an address that never was a member.
		const goneLink = await inviteMember(t.owner, t.orgId, 'consultant');
		const goneEmail = invitedEmailOf(goneLink)!;
		await joinByInvitation(goneLink, 'en');
		const goneId = await memberIdOf(t.owner, t.orgId, goneEmail);
		expect((await t.owner.post(`/o/${t.orgId}/members?/remove`, { userId: goneId })).status).toBe(
			200
		);
		await expect(memberIdOf(t.owner, t.orgId, goneEmail)).rejects.toThrow('not a member');

		const before = await notificationsOf(t.consultant, t.orgId);
		expect(before.unread).toBe(0);
		expect(
			(
				await comment(
					t.owner,
					t.base,
					'CMP-001',
					`@${t.consultantEmail} please check the minutes; cc @${goneEmail} @stranger@example.com`
				)
			).status
		).toBe(200);

		const mail = await mailTo(t.consultantEmail, (m) => m.subject.includes('mentioned you'));
		expect(mail.subject).toContain(
			'mentioned you in a review comment on item CMP-001 (Notice 2026)'
		);
		expect(mail.text).toContain('please check the minutes');
		expect(mail.text).toContain(`${t.base}/items/CMP-001`);
		// The same transaction wrote every mail of the comment: the others would be there by now.
		expect(mailsTo(goneEmail).some((m) => m.subject.includes('mentioned'))).toBe(false);
		expect(mailsTo('stranger@example.com')).toEqual([]);

		const after = await notificationsOf(t.consultant, t.orgId);
		expect(after.unread).toBe(1);
		expect(after.items).toHaveLength(1);
		expect(after.items[0]).toMatchObject({ kind: 'mentioned', read: false });
		// The author is not told of their own comment; the respondent was not mentioned.
		expect((await notificationsOf(t.owner, t.orgId)).items).toEqual([]);
		expect((await notificationsOf(t.respondent, t.orgId)).items).toEqual([]);

		// Another person cannot mark it read; its owner can.
		await t.owner.post(`/o/${t.orgId}/notifications?/read`, { ids: [after.items[0]!.id] });
		expect((await notificationsOf(t.consultant, t.orgId)).unread).toBe(1);
		const marked = await t.consultant.post(`/o/${t.orgId}/notifications?/read`, {
			ids: [after.items[0]!.id]
		});
		expect(marked.status).toBe(200);
		const read = await notificationsOf(t.consultant, t.orgId);
		expect(read.unread).toBe(0);
		expect(read.items[0]!.read).toBe(true);
		// A bad id names the problem and changes nothing.
		const bad = await t.consultant.post(`/o/${t.orgId}/notifications?/read`, { ids: ['x'] });
		expect(bad.status).toBe(400);
	}, 120_000);

	it('evidence requested, a file not accepted, an assignment, a submission, a send-back, the sign-off and a re-opening each tell those concerned', async () => {
		const t = await team();
		expect(
			(
				await t.owner.post(`${t.base}/items/CMP-001?/requestEvidence`, {
					__superform_id: 'evidence-request',
					itemId: 'CMP-001',
					description: 'The board minutes',
					dueOn: '2027-01-15'
				})
			).status
		).toBe(200);
		const asked = await mailTo(t.respondentEmail, (m) => m.subject.includes('佐证材料'));
		expect(asked.subject).toContain('请您为检查项 CMP-001 提供佐证材料');
		let r = await notificationsOf(t.respondent, t.orgId);
		expect(r.items.map((i) => i.kind)).toEqual(['evidence_requested']);
		expect(r.items[0]!.text).toContain('CMP-001');

		// The respondent uploads; the reviewer does not accept the file: the uploader is told.
		const up = await postFile(t.respondent, `${t.base}/items/CMP-001/evidence`, {
			name: 'minutes.pdf',
			type: 'application/pdf',
			bytes: '%PDF-1.4 minutes'
		});
		expect(up.status).toBe(303);
		const item = await t.owner.get(`${t.base}/items/CMP-001`);
		const fileId = item.body.match(/data-file-id="([0-9a-f-]{36})"/)![1]!;
		expect(
			(
				await t.owner.post(`${t.base}/items/CMP-001?/reviewEvidence`, {
					itemId: 'CMP-001',
					fileId,
					status: 'rejected'
				})
			).status
		).toBe(200);
		r = await notificationsOf(t.respondent, t.orgId);
		expect(r.items.map((i) => i.kind)).toEqual(['evidence_rejected', 'evidence_requested']);
		expect(r.items[0]!.text).toContain('minutes.pdf');

		// The owner makes the consultant responsible: the consultant is told.
		const owned = await t.owner.post(`${t.base}/schedule?/save`, {
			dueDate: '2027-03-31',
			responsibleUserId: await memberIdOf(t.owner, t.orgId, t.consultantEmail)
		});
		expect(owned.status).toBe(200);
		const assigned = await mailTo(t.consultantEmail, (m) => m.subject.includes('responsible'));
		expect(assigned.subject).toBe('Li Lei made you the responsible consultant for Notice 2026');
		expect((await notificationsOf(t.consultant, t.orgId)).items[0]!.kind).toBe('assigned');

		// Submission, send-back, finalising, re-opening.
		expect(
			(await saveAnswer(t.respondent, t.base, 'CMP-001', 0, { status: 'partial' })).status
		).toBe(200);
		expect((await t.respondent.post(`${t.base}/review?/submit`, {})).status).toBe(200);
		let cons = await notificationsOf(t.consultant, t.orgId);
		expect(cons.items.map((i) => i.kind)).toContain('review_requested');
		expect((await t.consultant.post(`${t.base}/review?/request_changes`, {})).status).toBe(200);
		r = await notificationsOf(t.respondent, t.orgId);
		expect(r.items[0]!.kind).toBe('sent_back');
		expect((await t.respondent.post(`${t.base}/review?/submit`, {})).status).toBe(200);
		expect((await t.consultant.post(`${t.base}/review?/finalise`, FINALISE_OVER)).status).toBe(200);
		expect(
			(
				await t.owner.post(`${t.base}/review?/reopen`, {
					__superform_id: 'reopen',
					reason: 'A late document arrived.'
				})
			).status
		).toBe(200);
		r = await notificationsOf(t.respondent, t.orgId);
		expect(r.items.slice(0, 2).map((i) => i.kind)).toEqual(['reopened', 'finalised']);
		cons = await notificationsOf(t.consultant, t.orgId);
		expect(cons.items[0]!.kind).toBe('reopened');
		await mailTo(t.respondentEmail, (m) => m.subject.includes('重新打开'));

		// Mark all read: the count in the navigation goes to zero.
		expect(r.unread).toBeGreaterThan(0);
		expect((await t.respondent.post(`/o/${t.orgId}/notifications?/readAll`, {})).status).toBe(200);
		expect((await notificationsOf(t.respondent, t.orgId)).unread).toBe(0);

		// The activity page lists who did what (no content), for those who reach the assessment.
		const activity = await t.respondent.get(`${t.base}/activity`);
		expect(activity.status).toBe(200);
		for (const action of [
			'evidence.requested',
			'evidence.uploaded',
			'evidence.rejected',
			'assessment.submit',
			'assessment.finalise',
			'assessment.reopen'
		])
			expect(activity.body).toContain(`data-action="${action}"`);
		expect(activity.body).not.toContain('A late document arrived.');
	}, 180_000);

	it('honours each person’s choice: no in-app notification, no mail, no digest', async () => {
		const t = await team();
		const saved = await t.consultant.post(`/o/${t.orgId}/notifications?/preferences`, {
			__superform_id: 'preferences',
			digest: 'on'
		});
		expect(saved.status).toBe(200);
		const page = await t.consultant.get(`/o/${t.orgId}/notifications`);
		expect(page.body).toMatch(/name="inApp"(?![^>]*checked)/);
		expect(page.body).toMatch(/name="digest"[^>]*checked/);

		// One comment mentions both: the owner is told as usual, the consultant not at all.
		expect(
			(
				await comment(
					t.respondent,
					t.base,
					'CMP-001',
					`@${t.ownerEmail} @${t.consultantEmail} 请看一下`
				)
			).status
		).toBe(200);
		await mailTo(t.ownerEmail, (m) => m.subject.includes('mentioned you'));
		expect(mailsTo(t.consultantEmail).some((m) => m.subject.includes('mentioned'))).toBe(false);
		expect((await notificationsOf(t.consultant, t.orgId)).items).toEqual([]);
		expect((await notificationsOf(t.owner, t.orgId)).items.map((i) => i.kind)).toEqual([
			'mentioned'
		]);
	}, 120_000);

	it('a respondent limited to some domains is not told of, and does not see the activity of, items outside them', async () => {
		const c = await consultancy();
		const clientId = await createClient(c.owner, c.orgId, { name: 'Limited Client' });
		const base = await startClientAssessment(c.owner, c.orgId, clientId, 'Limited 2026');
		const link = await inviteRespondent(c.owner, c.orgId, clientId, {
			assessmentId: assessmentIdOf(base),
			domains: ['complaints']
		});
		const email = invitedEmailOf(link)!;
		const respondent = await joinByInvitation(link, 'en');
		// LIC-001 is outside the respondent's domain; CMP-001 inside.
		await comment(c.owner, base, 'LIC-001', `@${email} not yours`);
		await t_request(c.owner, base, 'LIC-001');
		await comment(c.owner, base, 'CMP-001', `@${email} yours`);
		await mailTo(email, (m) => m.subject.includes('CMP-001'));
		const mine = await notificationsOf(respondent, c.orgId);
		expect(mine.items.map((i) => i.text).join(' ')).not.toContain('LIC-001');
		expect(mine.items.map((i) => i.kind)).toEqual(['mentioned']);
		const activity = await respondent.get(`${base}/activity`);
		expect(activity.status).toBe(200);
		expect(activity.body).toContain('CMP-001');
		expect(activity.body).not.toContain('LIC-001');
		expect((await c.owner.get(`${base}/activity`)).body).toContain('LIC-001');
	}, 120_000);

	it('a Chinese name followed directly by text is a mention, and the writer is told whom the comment notified', async () => {
		const c = await consultancy('zh');
		const clientId = await createClient(c.owner, c.orgId, { name: 'Mention Client' });
		const base = await startClientAssessment(c.owner, c.orgId, clientId, 'Mention 2026');
		// The invitee signs up as 王芳.
		const link = await inviteRespondent(c.owner, c.orgId, clientId);
		const email = invitedEmailOf(link)!;
		const respondent = await joinByInvitation(link, 'en');

		const told = await comment(c.owner, base, 'CMP-001', '@王芳请补充证据');
		expect(told.status).toBe(200);
		expect(told.text).toContain('评论已添加，已通知：王芳。');
		await mailTo(email, (m) => m.subject.includes('CMP-001'));
		expect((await notificationsOf(respondent, c.orgId)).items.map((i) => i.kind)).toEqual([
			'mentioned'
		]);

		const nobody = await comment(c.owner, base, 'CMP-001', '@李雷请看一下');
		expect(nobody.status).toBe(200);
		expect(nobody.text).toContain('没有通知任何人');
		const plain = await comment(c.owner, base, 'CMP-001', '没有提及任何人');
		expect(plain.text).toContain('评论已添加。');
		expect(plain.text).not.toContain('没有通知任何人');
		expect((await notificationsOf(respondent, c.orgId)).items).toHaveLength(1);
	}, 120_000);

	it('a deleted assessment’s notifications leave the list and the unread count until it is restored; an archived one’s stay', async () => {
		const c = await consultancy();
		const clientId = await createClient(c.owner, c.orgId, { name: 'Deleted Client' });
		const base = await startClientAssessment(c.owner, c.orgId, clientId, 'Deleted 2026');
		const link = await inviteRespondent(c.owner, c.orgId, clientId);
		const respondent = await joinByInvitation(link, 'en');
		expect((await comment(c.owner, base, 'CMP-001', '@王芳 please look')).status).toBe(200);
		const told = await notificationsOf(respondent, c.orgId);
		expect(told.unread).toBe(1);
		expect(told.items[0]!.text).toContain('Deleted 2026');

		expect((await c.owner.post(`${base}/lifecycle?/delete`, { confirmed: 'on' })).status).toBe(303);
		expect((await respondent.get(base)).status).toBe(404);
		const hidden = await notificationsOf(respondent, c.orgId);
		expect(hidden.unread).toBe(0);
		expect(hidden.items).toEqual([]);
		// "Mark all read" leaves them as they were, for when the assessment comes back.
		expect((await respondent.post(`/o/${c.orgId}/notifications?/readAll`, {})).status).toBe(200);

		expect((await c.owner.post(`${base}/lifecycle?/restore`, {})).status).toBe(200);
		const back = await notificationsOf(respondent, c.orgId);
		expect(back.unread).toBe(1);
		expect(back.items.map((i) => i.kind)).toEqual(['mentioned']);

		expect((await c.owner.post(`${base}/lifecycle?/archive`, {})).status).toBe(200);
		expect((await notificationsOf(respondent, c.orgId)).unread).toBe(1);
	}, 120_000);

	it('the activity feed filters before it counts (a limited respondent still sees theirs under 205 rows of another domain) and pages back with an older link', async () => {
		const c = await consultancy();
		const clientId = await createClient(c.owner, c.orgId, { name: 'Busy Client' });
		const base = await startClientAssessment(c.owner, c.orgId, clientId, 'Busy 2026');
		const id = assessmentIdOf(base);
		const link = await inviteRespondent(c.owner, c.orgId, clientId, {
			assessmentId: id,
			domains: ['complaints']
		});
		const respondent = await joinByInvitation(link, 'en');
		expect((await comment(c.owner, base, 'CMP-001', 'yours to answer')).status).toBe(200);
		// 205 saves of an item outside the respondent's domain, after the one of theirs.
		const api = new Api(await createTokenInSettings(c.owner, c.orgId));
		let version = 0;
		for (let i = 0; i < 205; i++) {
			const put = await api.put(`/assessments/${id}/answers/LIC-001`, {
				status: 'partial',
				note: `edit ${i}`,
				version
			});
			expect(put.status).toBe(200);
			version = put.json.version;
		}
		const rows = (body: string) =>
			[...body.matchAll(/<li data-action="([a-z._]+)"[^>]*>([\s\S]*?)<\/li>/g)].map((m) => ({
				action: m[1]!,
				text: m[2]!
			}));
		const olderOf = (body: string) =>
			body
				.match(/href="([^"]*\/activity\?before=\d+)"[^>]*data-older/)?.[1]
				?.replace(/&amp;/g, '&');

		const mine = await respondent.get(`${base}/activity`);
		expect(mine.status).toBe(200);
		expect(rows(mine.body).some((r) => r.text.includes('CMP-001'))).toBe(true);
		expect(mine.body).not.toContain('LIC-001');
		expect(olderOf(mine.body)).toBeUndefined();

		// The owner sees every row: a full first page, then the rest through the older link.
		const first = await c.owner.get(`${base}/activity`);
		const firstRows = rows(first.body);
		expect(firstRows).toHaveLength(200);
		expect(firstRows.every((r) => r.text.includes('LIC-001'))).toBe(true);
		const older = olderOf(first.body);
		expect(older).toBeDefined();
		const second = await c.owner.get(older!);
		expect(second.status).toBe(200);
		const secondRows = rows(second.body);
		expect(secondRows.filter((r) => r.text.includes('LIC-001'))).toHaveLength(5);
		expect(secondRows.some((r) => r.text.includes('CMP-001'))).toBe(true);
		expect(secondRows.map((r) => r.action)).toContain('assessment.created');
		expect(olderOf(second.body)).toBeUndefined();
		expect(second.body).toContain(`href="${base}/activity"`);
		// A page parameter that is not an entry number is refused, naming it.
		const bad = await c.owner.get(`${base}/activity?before=abc`);
		expect(bad.status).toBe(400);
		expect(bad.text).toContain('before');
	}, 240_000);
});

async function t_request(owner: Browser, base: string, itemId: string) {
	const page = await owner.post(`${base}/items/${itemId}?/requestEvidence`, {
		__superform_id: 'evidence-request',
		itemId,
		description: 'The licence',
		dueOn: ''
	});
	expect(page.status).toBe(200);
}
