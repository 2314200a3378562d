import { error } from '@sveltejs/kit';
import { organisationLogo } from '$lib/server/orgs/branding';
import { requireMembership } from '$lib/server/web/guards/auth';
import { runtime } from '$lib/server/web/runtime';
import type { RequestHandler } from './$types';

/** The organisation's logo, for its members' pages (a consultancy's framing of its clients' pages). */
export const GET: RequestHandler = async (event) => {
	const { membership } = await requireMembership(event, event.params.orgId);
	const logo = await organisationLogo(runtime().db, membership.orgId);
	if (!logo) error(404, 'Not found');
	return new Response(Buffer.from(logo.bytes), {
		headers: {
			'content-type': logo.mime,
			'cache-control': 'private, max-age=300',
			'x-content-type-options': 'nosniff'
		}
	});
};
