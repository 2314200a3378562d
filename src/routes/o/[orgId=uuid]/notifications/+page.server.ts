import { error, redirect } from '@sveltejs/kit';
import { fail, message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import type { FormNotice } from '$lib/forms';
import {
	markReadSchema,
	notificationPreferencesSchema,
	openNotificationSchema,
	type NotificationPreferencesForm
} from '$lib/schemas/notifications';
import { requireMembership } from '$lib/server/web/guards/auth';
import {
	markRead,
	notificationPreferences,
	notificationsOf,
	openNotification,
	saveNotificationPreferences
} from '$lib/server/notifications/service';
import { runtime } from '$lib/server/web/runtime';
import { notificationHref } from '$lib/labels/notifications';
import type { Actions, PageServerLoad } from './$types';

/** One's own notifications in this organisation (every member has some), and how one is told. */
export const load: PageServerLoad = async (event) => {
	const { membership, user } = await requireMembership(event, event.params.orgId);
	const db = runtime().db;
	const { notifications, unread } = await notificationsOf(db, {
		userId: user.id,
		orgId: membership.orgId
	});
	const prefsForm = await superValidate<NotificationPreferencesForm, FormNotice>(
		await notificationPreferences(db, user.id),
		zod4(notificationPreferencesSchema),
		{ id: 'preferences', errors: false }
	);
	return { notifications, unread, prefsForm };
};

export const actions: Actions = {
	read: async (event) => {
		const { membership, actor } = await requireMembership(event, event.params.orgId);
		const form = await superValidate(event.request, zod4(markReadSchema));
		if (!form.valid) return fail(400, { readError: m.notify_err_ids() });
		await markRead(runtime().db, actor, { orgId: membership.orgId, ids: form.data.ids });
		return { readNotice: m.notify_marked() };
	},
	/** Opening a notification marks it read and goes where it leads, in one step. */
	open: async (event) => {
		const { membership, actor } = await requireMembership(event, event.params.orgId);
		const form = await superValidate(event.request, zod4(openNotificationSchema));
		if (!form.valid) return fail(400, { readError: m.notify_err_ids() });
		const opened = await openNotification(runtime().db, actor, {
			orgId: membership.orgId,
			id: form.data.id
		});
		const href = opened && notificationHref(membership.orgId, opened);
		if (!href) error(404, 'Not found');
		redirect(303, href);
	},
	readAll: async (event) => {
		const { membership, actor } = await requireMembership(event, event.params.orgId);
		await markRead(runtime().db, actor, { orgId: membership.orgId, ids: 'all' });
		return { readNotice: m.notify_marked() };
	},
	preferences: async (event) => {
		const { actor } = await requireMembership(event, event.params.orgId);
		const form = await superValidate<NotificationPreferencesForm, FormNotice>(
			event.request,
			zod4(notificationPreferencesSchema),
			{ id: 'preferences' }
		);
		if (!form.valid) return fail(400, { prefsForm: form });
		await saveNotificationPreferences(runtime().db, actor, form.data);
		return message(form, { type: 'success', text: m.notify_prefs_saved() });
	}
};
