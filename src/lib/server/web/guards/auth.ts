import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { findMembership, listMemberships, type Membership } from '../../db/queries/organisations';
import type { Role } from '../../db/schema';
import { runtime } from '../runtime';
import type { Session } from '../../auth/session';
import type { UserProfile } from '../../db/queries/users';
import { isRestricted } from '../../auth/scope';
import type { Actor } from '../../db/audited';
import { organisationGate, securityGate } from '../security';
import { oncePerView } from './once';

export interface Viewer {
	user: UserProfile;
	session: Session;
	/** The viewer as the author of a change: what services write to the audit log. */
	actor: Actor & { userId: string };
}

/** The signed-in person as the author of a change made by this request. */
export function userActor(event: RequestEvent, userId: string): Actor & { userId: string } {
	return { userId, requestId: event.locals.requestId };
}

export function requireUser(event: RequestEvent): Viewer {
	const { user, session } = event.locals;
	if (!user || !session) {
		const next = event.url.pathname + event.url.search;
		redirect(303, `/login?next=${encodeURIComponent(next)}`);
	}
	securityGate(event, user, session);
	return { user, session, actor: userActor(event, user.id) };
}

const isView = (event: RequestEvent) =>
	event.request.method === 'GET' || event.request.method === 'HEAD';

/**
 * Every organisation the person belongs to, read once per page view: the root layout lists them
 * (the organisation switcher) and the guards find the one a page is about in the same list, one
 * query instead of two on every page (the same columns as `findMembership`).
 */
export function viewerMemberships(event: RequestEvent, userId: string): Promise<Membership[]> {
	return oncePerView(event, `memberships:${userId}`, () => listMemberships(runtime().db, userId));
}

/**
 * The organisation as the viewer may see it. Not a member: 404, so another organisation's
 * existence is never revealed. A member without one of `roles`: 403.
 */
export async function requireMembership(
	event: RequestEvent,
	orgId: string,
	roles?: readonly Role[]
): Promise<Viewer & { membership: Membership }> {
	const viewer = requireUser(event);
	const membership = await oncePerView(event, `membership:${viewer.user.id}:${orgId}`, async () => {
		const found = isView(event)
			? ((await viewerMemberships(event, viewer.user.id)).find(
					(m) => m.orgId === orgId.toLowerCase()
				) ?? null)
			: await findMembership(runtime().db, viewer.user.id, orgId);
		if (!found) error(404, 'Not found');
		await organisationGate(event, viewer.user, orgId);
		return found;
	});
	if (roles && !roles.includes(membership.role)) error(403, 'Forbidden');
	return { ...viewer, membership };
}

/**
 * An organisation-wide page (members, clients): a respondent restricted to one client gets 404,
 * as for anything else outside their reach.
 */
export async function requireOrgWide(
	event: RequestEvent,
	orgId: string,
	roles?: readonly Role[]
): Promise<Viewer & { membership: Membership }> {
	const viewer = await requireMembership(event, orgId);
	if (isRestricted(viewer.membership)) error(404, 'Not found');
	if (roles && !roles.includes(viewer.membership.role)) error(403, 'Forbidden');
	return viewer;
}
