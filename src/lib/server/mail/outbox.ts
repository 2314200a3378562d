import type { AuditedTx } from '../db/audited';
import type { Database } from '../db/connection';
import { insertOutboxMail, listPendingMails, type PendingMail } from '../db/queries/outbox';
import type { Language } from '../db/schema';
import { renderMail, type MailTemplate, type MailTemplates } from './templates';

export type { PendingMail };

/**
 * The mail service: writes a mail to the outbox in the transaction of the change that sends it,
 * so the mail goes if and only if the change commits. The sender (./sender.ts) delivers it once,
 * from whichever app instance claims it. The mail is rendered now, in the recipient's language;
 * `orgId` shows it on that organisation's outbox page while it waits.
 *
 * The caller records the change in the audit log as usual; the mail is part of that change.
 */
export async function enqueueMail<K extends MailTemplate>(
	tx: AuditedTx,
	mail: {
		to: string;
		language: Language;
		template: K;
		data: MailTemplates[K];
		orgId?: string | null;
		userId?: string | null;
	}
): Promise<string> {
	const id = crypto.randomUUID();
	const rendered = renderMail(mail.template, mail.data, mail.language);
	await insertOutboxMail(tx, {
		id,
		orgId: mail.orgId ?? null,
		userId: mail.userId ?? null,
		to: mail.to,
		language: mail.language,
		template: mail.template,
		...rendered
	});
	wakeSender?.();
	printMail?.({ to: mail.to, subject: rendered.subject, text: rendered.text });
	return id;
}

let printMail: ((mail: { to: string; subject: string; text: string }) => void) | null = null;

/**
 * Without a relay, this process also prints each mail it writes (startup.ts): the person trying the
 * app reads their sign-up code where the server runs, since the embedded database cannot be opened by
 * `admin outbox` while the server holds it.
 */
export function printMailsWhenWritten(
	print: ((mail: { to: string; subject: string; text: string }) => void) | null
): void {
	printMail = print;
}

let wakeSender: (() => void) | null = null;

/** The sender of this process asks to be woken when a mail is written (./sender.ts). */
export function onMailEnqueued(wake: (() => void) | null): void {
	wakeSender = wake;
}

/** Mails waiting to be sent, with their text (codes and links): for an owner, or the operator. */
export function pendingMails(
	db: Database,
	filter: { orgId?: string; limit?: number } = {}
): Promise<PendingMail[]> {
	return listPendingMails(db, filter);
}
