import { m } from '../../paraglide/messages';
import type { Language, Role } from '../db/schema';
import { formatCalendarDate } from '../../labels/calendar-date';

/**
 * Every mail the app sends, by name: what it needs, and how it reads in each language. A template
 * renders to a subject, a plain-text body (what `admin outbox` and an owner's outbox page show) and
 * an HTML body. To add one (an invitation, a comment notice): a function here, its messages in
 * messages/mail, and `enqueueMail(tx, { template: 'name', data })` where the change is made.
 */
export interface MailTemplates {
	verify_email: { name: string; code: string; minutes: number };
	email_change: { name: string; code: string; minutes: number };
	password_reset: { name: string; link: string; minutes: number };
	account_exists: { name: string; logInLink: string; resetLink: string };
	/** To the invited address, in the language the inviter chose; the invitee has no name yet. */
	invitation: {
		email: string;
		orgName: string;
		inviterName: string;
		inviterEmail: string;
		role: Role;
		expiresAt: Date;
		link: string;
	};
	/** An assessment submitted, sent back or finalised: to those who act next (teamwork). */
	assessment_moved: {
		name: string;
		actorName: string;
		orgName: string;
		title: string;
		move: 'submitted' | 'sent_back' | 'finalised';
		/** Items the reviewer asked to change, when sent back. */
		flagged: string[];
		link: string;
	};
	/** Something needs the person: a mention, an evidence request or a file not accepted,
	 * an assignment, a re-opening (notifications/notify.ts). */
	notice: {
		name: string;
		kind: NoticeMailKind;
		actorName: string;
		title: string;
		itemId: string;
		file: string;
		/** The start of the comment that mentions them, or what an evidence request asks for. */
		excerpt: string;
		/** The date requested evidence is wanted by (YYYY-MM-DD); absent from mails queued before it. */
		dueOn?: string | null;
		link: string;
	};
	/** The daily digest: assessments with gaps overdue or due within a week (teamwork). */
	due_digest: {
		name: string;
		/** The Shanghai date it is for. */
		day: string;
		assessments: { title: string; overdue: number; dueSoon: number; link: string }[];
	};
}

export type MailTemplate = keyof MailTemplates;

export type NoticeMailKind =
	'assigned' | 'evidence_requested' | 'evidence_rejected' | 'mentioned' | 'reopened';

export interface RenderedMail {
	subject: string;
	text: string;
	html: string;
}

type Paragraph = string | { link: string; label: string };

const templates: {
	[K in MailTemplate]: (
		data: MailTemplates[K],
		locale: Language
	) => { subject: string; name: string | null; paragraphs: Paragraph[] };
} = {
	verify_email: (d, locale) => ({
		subject: m.mail_verify_subject({ code: d.code }, { locale }),
		name: d.name,
		paragraphs: [m.mail_verify_body({ code: d.code, minutes: d.minutes }, { locale })]
	}),
	email_change: (d, locale) => ({
		subject: m.mail_email_change_subject({ code: d.code }, { locale }),
		name: d.name,
		paragraphs: [m.mail_email_change_body({ code: d.code, minutes: d.minutes }, { locale })]
	}),
	password_reset: (d, locale) => ({
		subject: m.mail_reset_subject({}, { locale }),
		name: d.name,
		paragraphs: [
			m.mail_reset_body({ minutes: d.minutes }, { locale }),
			{ link: d.link, label: m.mail_reset_link({ link: d.link }, { locale }) }
		]
	}),
	account_exists: (d, locale) => ({
		subject: m.mail_account_exists_subject({}, { locale }),
		name: d.name,
		paragraphs: [
			m.mail_account_exists_body({}, { locale }),
			{ link: d.logInLink, label: m.mail_log_in_link({ link: d.logInLink }, { locale }) },
			{ link: d.resetLink, label: m.mail_reset_link({ link: d.resetLink }, { locale }) }
		]
	}),
	invitation: (d, locale) => ({
		subject: m.mail_invitation_subject({ inviter: d.inviterName, org: d.orgName }, { locale }),
		name: null,
		paragraphs: [
			m.mail_invitation_body(
				{
					inviter: d.inviterName,
					inviterEmail: d.inviterEmail,
					org: d.orgName,
					role: roleWord(d.role, locale)
				},
				{ locale }
			),
			m.mail_invitation_only_you(
				{ email: d.email, expires: chinaTime(d.expiresAt, locale) },
				{ locale }
			),
			{ link: d.link, label: m.mail_invitation_link({ link: d.link }, { locale }) },
			m.mail_invitation_ignore({}, { locale })
		]
	}),
	assessment_moved: (d, locale) => {
		const words = { actor: d.actorName, title: d.title, org: d.orgName };
		const line = {
			submitted: m.teamwork_mail_submitted_body,
			sent_back: m.teamwork_mail_sent_back_body,
			finalised: m.teamwork_mail_finalised_body
		}[d.move](words, { locale });
		return {
			subject: {
				submitted: m.teamwork_mail_submitted_subject,
				sent_back: m.teamwork_mail_sent_back_subject,
				finalised: m.teamwork_mail_finalised_subject
			}[d.move]({ title: d.title }, { locale }),
			name: d.name,
			paragraphs: [
				line,
				...(d.flagged.length > 0
					? [m.teamwork_mail_flagged({ items: d.flagged.join(', ') }, { locale })]
					: []),
				{ link: d.link, label: m.teamwork_mail_open({ link: d.link }, { locale }) }
			]
		};
	},
	notice: (d, locale) => {
		const line = {
			assigned: m.notify_kind_assigned,
			evidence_requested: m.notify_kind_evidence_requested,
			evidence_rejected: m.notify_kind_evidence_rejected,
			mentioned: m.notify_kind_mentioned,
			reopened: m.notify_kind_reopened
		}[d.kind]({ actor: d.actorName, title: d.title, item: d.itemId, file: d.file }, { locale });
		return {
			subject: line,
			name: d.name,
			paragraphs: [
				line,
				...(d.excerpt ? [m.notify_mail_quote({ excerpt: d.excerpt }, { locale })] : []),
				...(d.dueOn
					? [m.evidence_request_mail_due({ date: formatCalendarDate(d.dueOn, locale) }, { locale })]
					: []),
				{ link: d.link, label: m.notify_mail_open({ link: d.link }, { locale }) }
			]
		};
	},
	due_digest: (d, locale) => ({
		subject: m.teamwork_digest_subject({ day: d.day }, { locale }),
		name: d.name,
		paragraphs: [
			m.teamwork_digest_lead({}, { locale }),
			...d.assessments.map((a) => ({
				link: a.link,
				label: m.teamwork_digest_line(
					{ title: a.title, overdue: a.overdue, soon: a.dueSoon, link: a.link },
					{ locale }
				)
			}))
		]
	})
};

function roleWord(role: Role, locale: Language): string {
	const word = {
		owner: m.role_owner,
		consultant: m.role_consultant,
		respondent: m.role_respondent,
		viewer: m.role_viewer
	}[role]({}, { locale });
	if (locale !== 'en') return word;
	// "as Consultant" reads as a title; the sentence wants the common noun: "as an owner".
	const noun = word.toLowerCase();
	return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}

/**
 * A moment as the recipient reads it: the product serves firms in mainland China, so in China
 * Standard Time, which the text names (the server's own zone is nobody's business).
 */
export function chinaTime(at: Date, locale: Language): string {
	const text = new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : 'en-GB', {
		timeZone: 'Asia/Shanghai',
		year: 'numeric',
		month: 'long',
		day: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		hour12: false
	}).format(at);
	return m.mail_china_time({ time: text }, { locale });
}

const escape = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function renderMail<K extends MailTemplate>(
	template: K,
	data: MailTemplates[K],
	language: Language
): RenderedMail {
	const { subject, name, paragraphs } = templates[template](data, language);
	const greeting =
		name === null
			? m.mail_greeting_plain({}, { locale: language })
			: m.mail_greeting({ name }, { locale: language });
	const footer = m.mail_footer({}, { locale: language });
	const text = [greeting, ...paragraphs.map((p) => (typeof p === 'string' ? p : p.label)), footer]
		.map((p) => p + '\n')
		.join('\n');
	const html = [
		`<p>${escape(greeting)}</p>`,
		...paragraphs.map((p) =>
			typeof p === 'string'
				? `<p>${escape(p)}</p>`
				: `<p><a href="${escape(p.link)}">${escape(p.label)}</a></p>`
		),
		`<p style="color:#666">${escape(footer)}</p>`
	].join('\n');
	return {
		subject,
		text,
		html: `<!doctype html><html lang="${language === 'zh' ? 'zh-CN' : 'en'}"><body>${html}</body></html>`
	};
}
