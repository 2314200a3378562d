import type { Database } from '../db/connection';
import { audited, type Actor } from '../db/audited';
import type { AssessmentRecord } from '../db/queries/assessments';
import { listAuditEntries } from '../db/queries/audit-log';
import {
	countUnreadNotifications,
	findNotificationPreferences,
	listNotifications,
	markNotificationsRead,
	upsertNotificationPreferences,
	type NotificationPreferences,
	type NotificationRow
} from '../db/queries/notifications';
import type { Membership } from '../db/queries/organisations';
import { reachesDomain } from '../auth/scope';
import { assessmentCorpus } from '../assessments/service';

export type { NotificationPreferences, NotificationRow };

/** How many notifications the page lists: the newest. */
export const NOTIFICATIONS_SHOWN = 100;

/** One person's notifications in one organisation, newest first, and how many are unread. */
export async function notificationsOf(
	db: Database,
	scope: { userId: string; orgId: string }
): Promise<{ notifications: NotificationRow[]; unread: number }> {
	const [notifications, unread] = await Promise.all([
		listNotifications(db, { ...scope, limit: NOTIFICATIONS_SHOWN }),
		countUnreadNotifications(db, scope)
	]);
	return { notifications, unread };
}

/** The unread count the navigation shows. */
export function unreadNotifications(
	db: Database,
	scope: { userId: string; orgId: string }
): Promise<number> {
	return countUnreadNotifications(db, scope);
}

/**
 * Marks the person's own notifications read (those named, or all), audited as
 * `notification.read`; another person's ids, or ones already read, mark nothing. Answers how many.
 */
export async function markRead(
	db: Database,
	actor: Actor & { userId: string },
	input: { orgId: string; ids: string[] | 'all' }
): Promise<number> {
	return audited(db, actor, async (tx) => {
		const ids = await markNotificationsRead(tx, { userId: actor.userId, ...input });
		if (ids.length > 0)
			tx.record({
				action: 'notification.read',
				orgId: input.orgId,
				entity: { type: 'user', id: actor.userId },
				after: { notifications: ids }
			});
		return ids.length;
	});
}

export async function notificationPreferences(
	db: Database,
	userId: string
): Promise<NotificationPreferences> {
	return (await findNotificationPreferences(db, [userId])).get(userId)!;
}

/** Saves how the person is told (in the app, by mail, the daily digest), audited. */
export async function saveNotificationPreferences(
	db: Database,
	actor: Actor & { userId: string },
	prefs: NotificationPreferences
): Promise<void> {
	const before = await notificationPreferences(db, actor.userId);
	await audited(db, actor, async (tx) => {
		await upsertNotificationPreferences(tx, actor.userId, prefs);
		tx.record({
			action: 'user.notification_preferences_changed',
			orgId: null,
			entity: { type: 'user', id: actor.userId },
			before,
			after: prefs
		});
	});
}

export interface ActivityEntry {
	id: number;
	action: string;
	itemId: string | null;
	actorName: string | null;
	at: Date;
}

/** How many rows of the audit log the activity page reads. */
export const ACTIVITY_SHOWN = 200;

/**
 * The assessment's activity: who did what, when — read from the audit log, which already holds
 * every change by construction (no second record to keep in step, and a purge's redaction covers
 * it). Only the action, the item, the person and the time are shown, never the content (that is
 * the change history's, per item). A respondent limited to some domains sees the rows of their
 * items and the assessment's own, not other domains' items.
 */
export async function assessmentActivity(
	db: Database,
	membership: Membership,
	assessment: AssessmentRecord
): Promise<ActivityEntry[]> {
	const entries = await listAuditEntries(db, {
		orgId: assessment.orgId,
		assessmentId: assessment.id
	});
	const corpus = await assessmentCorpus(db, assessment);
	const domainOf = new Map(corpus.items.map((i) => [i.id, i.domain]));
	return entries
		.filter((e) => e.itemId === null || reachesDomain(membership, domainOf.get(e.itemId) ?? ''))
		.map(({ id, action, itemId, actorName, at }) => ({ id, action, itemId, actorName, at }));
}
