import { m } from '$lib/paraglide/messages';
import { z } from './zod';

/** How a person is told: each channel on or off (an unticked box is off). */
export const notificationPreferencesSchema = z.object({
	inApp: z.boolean().default(false),
	mail: z.boolean().default(false),
	digest: z.boolean().default(false)
});
export type NotificationPreferencesForm = typeof notificationPreferencesSchema._zod.output;

/** Which notifications to mark read: one or more of the person's own. */
export const markReadSchema = z.object({
	ids: z
		.array(z.uuid({ error: () => m.notify_err_ids() }))
		.min(1, { error: () => m.notify_err_ids() })
		.max(200)
});

/** The notification one opens: one of the person's own. */
export const openNotificationSchema = z.object({
	id: z.uuid({ error: () => m.notify_err_ids() })
});

/** The activity feed's page: after which entry (a positive audit row id) it starts, if not the newest. */
export const activityPageSchema = z.object({
	before: z.coerce
		.number({ error: () => m.notify2_err_before() })
		.int({ error: () => m.notify2_err_before() })
		.positive({ error: () => m.notify2_err_before() })
		.max(Number.MAX_SAFE_INTEGER, { error: () => m.notify2_err_before() })
		.optional()
});
