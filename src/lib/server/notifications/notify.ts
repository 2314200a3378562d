import type { AuditedTx } from '../db/audited';
import type { Database } from '../db/connection';
import type { AssessmentRecord } from '../db/queries/assessments';
import { listOrgAudience, type AudienceMember } from '../db/queries/audience';
import {
	findNotificationPreferences,
	insertNotifications,
	type NotificationPreferences
} from '../db/queries/notifications';
import { findUserById } from '../db/queries/users';
import type { NotificationKind } from '../db/schema';
import { reachesAssessment, reachesDomain } from '../auth/scope';
import type { Membership } from '../db/queries/organisations';
import { assessmentCorpus } from '../assessments/service';
import { enqueueMail } from '../mail/outbox';
import type { NoticeMailKind } from '../mail/templates';
import { mentionedMembers } from '../../domain/mentions';

/** Links in mails and notifications point at this origin (the web passes the request's). */
export interface NotifyOptions {
	origin: string;
}

const asMembership = (a: AudienceMember): Membership => ({
	orgId: '',
	orgName: '',
	orgKind: 'consultancy',
	...a
});

/**
 * The members who may hear of something on this assessment (and item): those who reach it, the
 * person who did it excepted. A respondent limited to some domains hears of an item only in them.
 */
export async function reachingAudience(
	db: Database,
	assessment: AssessmentRecord,
	itemId: string | null,
	actorId: string | null
): Promise<AudienceMember[]> {
	const audience = await listOrgAudience(db, assessment.orgId);
	let domain: string | null = null;
	if (itemId) {
		const corpus = await assessmentCorpus(db, assessment);
		domain = corpus.items.find((i) => i.id === itemId)?.domain ?? null;
		if (domain === null) return [];
	}
	return audience.filter((a) => {
		if (a.userId === actorId) return false;
		const membership = asMembership(a);
		if (!reachesAssessment(membership, assessment)) return false;
		return domain === null || reachesDomain(membership, domain);
	});
}

/**
 * Tells each recipient, as they chose: an in-app notification (unless they turned those off) and,
 * through `mail`, a mail in the outbox (unless they turned mail off). In the transaction of the
 * change, so nobody is told of a change that did not commit.
 */
export async function deliverNotice(
	tx: AuditedTx,
	input: {
		kind: NotificationKind;
		assessment: AssessmentRecord;
		itemId?: string | null;
		recipients: AudienceMember[];
		data?: Record<string, unknown>;
		mail?: (person: AudienceMember) => Promise<void>;
	}
): Promise<void> {
	const seen = new Set<string>();
	const recipients = input.recipients.filter((r) => !seen.has(r.userId) && seen.add(r.userId));
	if (recipients.length === 0) return;
	const prefs = await findNotificationPreferences(
		tx.db,
		recipients.map((r) => r.userId)
	);
	const pref = (r: AudienceMember): NotificationPreferences => prefs.get(r.userId)!;
	await insertNotifications(
		tx,
		recipients
			.filter((r) => pref(r).inApp)
			.map((r) => ({
				id: crypto.randomUUID(),
				userId: r.userId,
				orgId: input.assessment.orgId,
				assessmentId: input.assessment.id,
				itemId: input.itemId ?? null,
				actorId: tx.actor.userId,
				kind: input.kind,
				data: input.data ?? {}
			}))
	);
	if (input.mail) for (const r of recipients) if (pref(r).mail) await input.mail(r);
}

async function actorName(tx: AuditedTx): Promise<string> {
	const id = tx.actor.userId;
	return (id ? (await findUserById(tx.db, id))?.name : null) ?? '—';
}

function itemLink(origin: string, assessment: AssessmentRecord, itemId: string | null): string {
	const base = `${origin}/o/${assessment.orgId}/assessments/${assessment.id}`;
	return itemId ? `${base}/items/${encodeURIComponent(itemId)}` : base;
}

/** Sends the `notice` mail for one kind to one person. */
function noticeMail(
	tx: AuditedTx,
	input: {
		kind: NoticeMailKind;
		assessment: AssessmentRecord;
		itemId?: string | null;
		file?: string;
		excerpt?: string;
		dueOn?: string | null;
		origin: string;
		actorName: string;
	}
) {
	return async (person: AudienceMember): Promise<void> => {
		await enqueueMail(tx, {
			to: person.email,
			language: person.language,
			template: 'notice',
			data: {
				name: person.name,
				kind: input.kind,
				actorName: input.actorName,
				title: input.assessment.title,
				itemId: input.itemId ?? '',
				file: input.file ?? '',
				excerpt: input.excerpt ?? '',
				dueOn: input.dueOn ?? null,
				link: itemLink(input.origin, input.assessment, input.itemId ?? null)
			},
			orgId: input.assessment.orgId,
			userId: person.userId
		});
	};
}

/**
 * A review comment: each member it mentions with @ who reaches the item is told (and mailed).
 * Answers the names of those told, for the writer.
 */
export async function notifyMentions(
	tx: AuditedTx,
	input: { assessment: AssessmentRecord; itemId: string; body: string; notify: NotifyOptions }
): Promise<string[]> {
	const { assessment, itemId } = input;
	if (!input.body.includes('@')) return [];
	const reaching = await reachingAudience(tx.db, assessment, itemId, tx.actor.userId);
	const mentioned = mentionedMembers(input.body, reaching);
	const excerpt = input.body.length > 280 ? `${input.body.slice(0, 279)}…` : input.body;
	await deliverNotice(tx, {
		kind: 'mentioned',
		assessment,
		itemId,
		recipients: mentioned,
		mail: noticeMail(tx, {
			kind: 'mentioned',
			assessment,
			itemId,
			excerpt,
			origin: input.notify.origin,
			actorName: await actorName(tx)
		})
	});
	return mentioned.map((m) => m.name);
}

/**
 * Evidence asked for on an item: the respondents who answer it are told (the mail says what is
 * asked for and by when); where none reaches it, the assessment's responsible consultant.
 */
export async function notifyEvidenceRequested(
	tx: AuditedTx,
	input: {
		assessment: AssessmentRecord;
		itemId: string;
		description: string;
		dueOn: string | null;
		notify: NotifyOptions;
	}
): Promise<void> {
	const { assessment, itemId } = input;
	const reaching = await reachingAudience(tx.db, assessment, itemId, tx.actor.userId);
	const respondents = reaching.filter((a) => a.role === 'respondent');
	const recipients =
		respondents.length > 0
			? respondents
			: reaching.filter((a) => a.userId === assessment.responsibleUserId);
	await deliverNotice(tx, {
		kind: 'evidence_requested',
		assessment,
		itemId,
		recipients,
		mail: noticeMail(tx, {
			kind: 'evidence_requested',
			assessment,
			itemId,
			excerpt: input.description,
			dueOn: input.dueOn,
			origin: input.notify.origin,
			actorName: await actorName(tx)
		})
	});
}

/** A file marked not accepted: whoever uploaded it is told, if they still reach the item. */
export async function notifyEvidenceRejected(
	tx: AuditedTx,
	input: {
		assessment: AssessmentRecord;
		itemId: string;
		file: { fileName: string; uploadedBy: string | null };
		notify: NotifyOptions;
	}
): Promise<void> {
	const { assessment, itemId, file } = input;
	if (!file.uploadedBy) return;
	const reaching = await reachingAudience(tx.db, assessment, itemId, tx.actor.userId);
	await deliverNotice(tx, {
		kind: 'evidence_rejected',
		assessment,
		itemId,
		recipients: reaching.filter((a) => a.userId === file.uploadedBy),
		data: { file: file.fileName },
		mail: noticeMail(tx, {
			kind: 'evidence_rejected',
			assessment,
			itemId,
			file: file.fileName,
			origin: input.notify.origin,
			actorName: await actorName(tx)
		})
	});
}

/** Made responsible for an assessment by someone else: that person is told. */
export async function notifyAssigned(
	tx: AuditedTx,
	input: { assessment: AssessmentRecord; userId: string; notify: NotifyOptions }
): Promise<void> {
	const { assessment } = input;
	const reaching = await reachingAudience(tx.db, assessment, null, tx.actor.userId);
	await deliverNotice(tx, {
		kind: 'assigned',
		assessment,
		recipients: reaching.filter((a) => a.userId === input.userId),
		mail: noticeMail(tx, {
			kind: 'assigned',
			assessment,
			origin: input.notify.origin,
			actorName: await actorName(tx)
		})
	});
}

/** A final assessment re-opened: everyone who answers or reviews it is told. */
export async function notifyReopened(
	tx: AuditedTx,
	input: { assessment: AssessmentRecord; notify: NotifyOptions }
): Promise<void> {
	const { assessment } = input;
	const reaching = await reachingAudience(tx.db, assessment, null, tx.actor.userId);
	await deliverNotice(tx, {
		kind: 'reopened',
		assessment,
		recipients: reaching.filter((a) => a.role !== 'viewer'),
		mail: noticeMail(tx, {
			kind: 'reopened',
			assessment,
			origin: input.notify.origin,
			actorName: await actorName(tx)
		})
	});
}
