import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../connection';
import type { AuditedTx } from '../audited';
import type { DB, NotificationKind } from '../schema';

export interface NotificationRow {
	id: string;
	kind: NotificationKind;
	assessmentId: string | null;
	assessmentTitle: string | null;
	itemId: string | null;
	actorName: string | null;
	data: Record<string, unknown>;
	createdAt: Date;
	readAt: Date | null;
}

export interface NewNotification {
	id: string;
	userId: string;
	orgId: string;
	assessmentId: string | null;
	itemId: string | null;
	actorId: string | null;
	kind: NotificationKind;
	data: Record<string, unknown>;
}

export interface NotificationPreferences {
	inApp: boolean;
	mail: boolean;
	digest: boolean;
}

/** Everyone is told everything until they choose otherwise. */
export const DEFAULT_PREFERENCES: NotificationPreferences = {
	inApp: true,
	mail: true,
	digest: true
};

export async function insertNotifications(tx: AuditedTx, rows: NewNotification[]): Promise<void> {
	if (rows.length === 0) return;
	await tx.db
		.insertInto('notifications')
		.values(
			rows.map((r) => ({
				id: r.id,
				user_id: r.userId,
				org_id: r.orgId,
				assessment_id: r.assessmentId,
				item_id: r.itemId,
				actor_id: r.actorId,
				kind: r.kind,
				data: JSON.stringify(r.data)
			}))
		)
		.execute();
}

/** One person's notifications in one organisation, newest first. */
/**
 * Notifications of a deleted assessment are hidden (from the list, the unread count and "mark all
 * read") until it is restored: its pages answer 404 meanwhile. An archived one stays: its pages
 * still open, read-only, and what happened on it is still the reader's business.
 */
function ofLiveAssessment(eb: ExpressionBuilder<DB, 'notifications'>) {
	return eb.or([
		eb('notifications.assessment_id', 'is', null),
		eb.exists(
			eb
				.selectFrom('assessments as live')
				.select('live.id')
				.whereRef('live.id', '=', 'notifications.assessment_id')
				.where('live.deleted_at', 'is', null)
		)
	]);
}

function selectNotifications(db: Database, scope: { userId: string; orgId: string }) {
	return db
		.selectFrom('notifications')
		.leftJoin('users as u', 'u.id', 'notifications.actor_id')
		.leftJoin('assessments as a', 'a.id', 'notifications.assessment_id')
		.select([
			'notifications.id',
			'notifications.kind',
			'notifications.assessment_id as assessmentId',
			'a.title as assessmentTitle',
			'notifications.item_id as itemId',
			'u.name as actorName',
			'notifications.data',
			'notifications.created_at as createdAt',
			'notifications.read_at as readAt'
		])
		.where('notifications.user_id', '=', scope.userId)
		.where('notifications.org_id', '=', scope.orgId)
		.where(ofLiveAssessment);
}

type SelectedNotification = Awaited<
	ReturnType<ReturnType<typeof selectNotifications>['execute']>
>[number];

function toNotificationRow(r: SelectedNotification): NotificationRow {
	return {
		...r,
		data: (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as Record<string, unknown>
	};
}

export async function listNotifications(
	db: Database,
	scope: { userId: string; orgId: string; limit: number }
): Promise<NotificationRow[]> {
	const rows = await selectNotifications(db, scope)
		.orderBy('notifications.created_at', 'desc')
		.orderBy('notifications.id')
		.limit(scope.limit)
		.execute();
	return rows.map(toNotificationRow);
}

/** One of the person's own notifications in this organisation; null for anyone else's. */
export async function findNotification(
	db: Database,
	scope: { userId: string; orgId: string; id: string }
): Promise<NotificationRow | null> {
	const row = await selectNotifications(db, scope)
		.where('notifications.id', '=', scope.id)
		.executeTakeFirst();
	return row ? toNotificationRow(row) : null;
}

export async function countUnreadNotifications(
	db: Database,
	scope: { userId: string; orgId: string }
): Promise<number> {
	const row = await db
		.selectFrom('notifications')
		.select((eb) => eb.fn.countAll<string>().as('n'))
		.where('user_id', '=', scope.userId)
		.where('org_id', '=', scope.orgId)
		.where('read_at', 'is', null)
		.where(ofLiveAssessment)
		.executeTakeFirst();
	return Number(row?.n ?? 0);
}

/** Marks the person's unread notifications read (those named, or all); answers the ids marked. */
export async function markNotificationsRead(
	tx: AuditedTx,
	scope: { userId: string; orgId: string; ids: string[] | 'all' }
): Promise<string[]> {
	if (scope.ids !== 'all' && scope.ids.length === 0) return [];
	let query = tx.db
		.updateTable('notifications')
		.set({ read_at: new Date() })
		.where('user_id', '=', scope.userId)
		.where('org_id', '=', scope.orgId)
		.where('read_at', 'is', null)
		.where(ofLiveAssessment);
	if (scope.ids !== 'all') query = query.where('id', 'in', scope.ids);
	const rows = await query.returning('id').execute();
	return rows.map((r) => r.id).sort();
}

/** The preferences of these people (the defaults for those who never chose). */
export async function findNotificationPreferences(
	db: Database,
	userIds: string[]
): Promise<Map<string, NotificationPreferences>> {
	const found = new Map<string, NotificationPreferences>();
	if (userIds.length > 0) {
		const rows = await db
			.selectFrom('notification_preferences')
			.select(['user_id', 'in_app', 'mail', 'digest'])
			.where('user_id', 'in', userIds)
			.execute();
		for (const r of rows) found.set(r.user_id, { inApp: r.in_app, mail: r.mail, digest: r.digest });
	}
	return new Map(userIds.map((id) => [id, found.get(id) ?? DEFAULT_PREFERENCES]));
}

export async function upsertNotificationPreferences(
	tx: AuditedTx,
	userId: string,
	p: NotificationPreferences
): Promise<void> {
	const values = { in_app: p.inApp, mail: p.mail, digest: p.digest, updated_at: new Date() };
	await tx.db
		.insertInto('notification_preferences')
		.values({ user_id: userId, ...values })
		.onConflict((oc) => oc.column('user_id').doUpdateSet(values))
		.execute();
}
