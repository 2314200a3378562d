import { readServerEnv } from '$lib/server/env';
import { pendingMails } from '$lib/server/mail/outbox';
import { requireOrgWide } from '$lib/server/web/guards/auth';
import { runtime } from '$lib/server/web/runtime';
import type { PageServerLoad } from './$types';

/** The organisation's mails not sent yet (invitations, notices), with their text: owners only. */
export const load: PageServerLoad = async (event) => {
	const { membership } = await requireOrgWide(event, event.params.orgId, ['owner']);
	const mails = await pendingMails(runtime().db, { orgId: membership.orgId });
	return {
		mailConfigured: readServerEnv().smtpUrl !== null,
		mails: mails.map((mail) => ({
			id: mail.id,
			to: mail.to,
			subject: mail.subject,
			text: mail.text,
			createdAt: mail.createdAt.toISOString(),
			attempts: mail.attempts,
			lastError: mail.lastError
		}))
	};
};
