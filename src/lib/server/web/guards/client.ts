import { error, type RequestEvent } from '@sveltejs/kit';
import type { Role } from '../../db/schema';
import { requireOrgWide, type Viewer } from './auth';
import { findClient, type ClientRecord } from '../../db/queries/clients';
import type { Membership } from '../../db/queries/organisations';
import { runtime } from '../runtime';

/** Owners and consultants manage clients; viewers read them. */
export const CLIENT_MANAGER_ROLES: readonly Role[] = ['owner', 'consultant'];

/** The clients area exists for consultancies only, and not for a respondent restricted to one client. */
export async function requireConsultancy(
	event: RequestEvent,
	orgId: string,
	roles?: readonly Role[]
): Promise<Viewer & { membership: Membership }> {
	const viewer = await requireOrgWide(event, orgId);
	if (viewer.membership.orgKind !== 'consultancy') error(404, 'Not found');
	if (roles && !roles.includes(viewer.membership.role)) error(403, 'Forbidden');
	return viewer;
}

/**
 * One client of the organisation: another organisation's, or none, is 404, and so is a deleted
 * one unless `includeDeleted` (its lifecycle page).
 */
export async function requireClient(
	event: RequestEvent,
	orgId: string,
	clientId: string,
	roles?: readonly Role[],
	options: { includeDeleted?: boolean } = {}
): Promise<Viewer & { membership: Membership; client: ClientRecord }> {
	const viewer = await requireConsultancy(event, orgId);
	const client = await findClient(runtime().db, {
		orgId: viewer.membership.orgId,
		id: clientId,
		includeDeleted: options.includeDeleted
	});
	if (!client) error(404, 'Not found');
	if (roles && !roles.includes(viewer.membership.role)) error(403, 'Forbidden');
	return { ...viewer, client };
}
