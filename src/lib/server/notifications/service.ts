import type { Database } from '../db/connection';
import { audited, type Actor } from '../db/audited';
import type { AssessmentRecord } from '../db/queries/assessments';
import { listActivityEntries } from '../db/queries/audit-log';
import {
	countUnreadNotifications,
	findNotification,
	findNotificationPreferences,
	listNotifications,
	markNotificationsRead,
	upsertNotificationPreferences,
	type NotificationPreferences,
	type NotificationRow
} from '../db/queries/notifications';
import type { Membership } from '../db/queries/organisations';
import { reachesDomain, reachesWholeAssessments } from '../auth/scope';
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

/**
 * The person opens one of their notifications: it is marked read (audited, as `markRead`) and
 * answered, for the page to send them where it leads; null when it is not theirs.
 */
export async function openNotification(
	db: Database,
	actor: Actor & { userId: string },
	input: { orgId: string; id: string }
): Promise<NotificationRow | null> {
	const notification = await findNotification(db, { userId: actor.userId, ...input });
	if (notification && !notification.readAt)
		await markRead(db, actor, { orgId: input.orgId, ids: [notification.id] });
	return notification;
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

/** How many rows of the audit log one page of the activity feed shows. */
export const ACTIVITY_SHOWN = 200;

/**
 * The assessment's activity: who did what, when — read from the audit log, which already holds
 * every change by construction (no second record to keep in step, and a purge's redaction covers
 * it). Only the action, the item, the person and the time are shown, never the content (that is
 * the change history's, per item). A respondent limited to some domains sees the rows of their
 * items and the assessment's own, not other domains' items: filtered in the query, so each page is
 * full. One page at a time, newest first; `older` is the row to start the next page after, if any.
 */
export async function assessmentActivity(
	db: Database,
	membership: Membership,
	assessment: AssessmentRecord,
	page: { before: number | null; limit?: number } = { before: null }
): Promise<{ entries: ActivityEntry[]; older: number | null }> {
	const limit = page.limit ?? ACTIVITY_SHOWN;
	let itemIds: string[] | null = null;
	if (!reachesWholeAssessments(membership)) {
		const corpus = await assessmentCorpus(db, assessment);
		itemIds = corpus.items.filter((i) => reachesDomain(membership, i.domain)).map((i) => i.id);
	}
	const rows = await listActivityEntries(db, {
		orgId: assessment.orgId,
		assessmentId: assessment.id,
		itemIds,
		before: page.before,
		limit
	});
	const entries = rows.slice(0, limit);
	return {
		entries,
		older: rows.length > limit ? (entries[entries.length - 1]?.id ?? null) : null
	};
}
