import { sql } from 'kysely';
import type { Database } from '../connection';
import type { AuditedTx } from '../audited';
import type { Language } from '../schema';

export interface NewOutboxMail {
	id: string;
	orgId: string | null;
	userId: string | null;
	to: string;
	language: Language;
	template: string;
	subject: string;
	text: string;
	html: string;
}

/** A mail written with the change that sends it. */
export async function insertOutboxMail(tx: AuditedTx, mail: NewOutboxMail): Promise<void> {
	await tx.db
		.insertInto('outbox')
		.values({
			id: mail.id,
			org_id: mail.orgId,
			user_id: mail.userId,
			to_address: mail.to,
			language: mail.language,
			template: mail.template,
			subject: mail.subject,
			body_text: mail.text,
			body_html: mail.html
		})
		.execute();
}

export interface ClaimedMail {
	id: string;
	to: string;
	language: Language;
	subject: string;
	text: string;
	html: string;
	attempts: number;
}

/**
 * Claims up to `limit` mails that are due: in one statement, rows no other instance holds
 * (`for update skip locked`) are moved out of reach for `leaseMs` and counted as an attempt. Two
 * instances claiming at once never get the same mail; a mail whose sender died is due again when
 * its lease runs out.
 */
export async function claimOutboxMails(
	db: Database,
	options: { limit: number; leaseMs: number; now?: Date }
): Promise<ClaimedMail[]> {
	const now = options.now ?? new Date();
	const leaseUntil = new Date(now.getTime() + options.leaseMs);
	const result = await sql`
		update outbox set attempts = attempts + 1, next_attempt_at = ${leaseUntil}
		where id in (
			select id from outbox
			where sent_at is null and failed_at is null and next_attempt_at <= ${now}
			order by next_attempt_at
			limit ${options.limit}
			for update skip locked
		)
		returning id, to_address, language, subject, body_text, body_html, attempts
	`.execute(db);
	const rows = result.rows as {
		id: string;
		to_address: string;
		language: Language;
		subject: string;
		body_text: string;
		body_html: string;
		attempts: number;
	}[];
	return rows.map((r) => ({
		id: r.id,
		to: r.to_address,
		language: r.language,
		subject: r.subject,
		text: r.body_text,
		html: r.body_html,
		attempts: Number(r.attempts)
	}));
}

/** Sent: the body (codes, links) is emptied; what went to whom and when stays. */
export async function markOutboxSent(db: Database, id: string, at: Date): Promise<void> {
	await db
		.updateTable('outbox')
		.set({ sent_at: at, body_text: '', body_html: '', last_error: null })
		.where('id', '=', id)
		.execute();
}

/** A failed attempt: tried again at `retryAt`, or given up on (`retryAt` null). */
export async function markOutboxAttemptFailed(
	db: Database,
	id: string,
	input: { error: string; retryAt: Date | null; at: Date }
): Promise<void> {
	await db
		.updateTable('outbox')
		.set(
			input.retryAt
				? { last_error: input.error, next_attempt_at: input.retryAt }
				: { last_error: input.error, failed_at: input.at, body_text: '', body_html: '' }
		)
		.where('id', '=', id)
		.execute();
}

export interface PendingMail {
	id: string;
	orgId: string | null;
	to: string;
	language: Language;
	template: string;
	subject: string;
	text: string;
	createdAt: Date;
	attempts: number;
	lastError: string | null;
}

/** Mails not yet sent (and not given up on), oldest first; of one organisation, or all. */
export async function listPendingMails(
	db: Database,
	filter: { orgId?: string; limit?: number } = {}
): Promise<PendingMail[]> {
	let query = db
		.selectFrom('outbox')
		.select([
			'id',
			'org_id',
			'to_address',
			'language',
			'template',
			'subject',
			'body_text',
			'created_at',
			'attempts',
			'last_error'
		])
		.where('sent_at', 'is', null)
		.where('failed_at', 'is', null)
		.orderBy('created_at')
		.limit(filter.limit ?? 200);
	if (filter.orgId) query = query.where('org_id', '=', filter.orgId);
	const rows = await query.execute();
	return rows.map((r) => ({
		id: r.id,
		orgId: r.org_id,
		to: r.to_address,
		language: r.language,
		template: r.template,
		subject: r.subject,
		text: r.body_text,
		createdAt: new Date(r.created_at),
		attempts: Number(r.attempts),
		lastError: r.last_error
	}));
}
