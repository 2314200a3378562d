import { error, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { CLIENT_MANAGER_ROLES, requireClient } from '$lib/server/web/guards/client';
import { moveClientShelf, purgeClient } from '$lib/server/clients/lifecycle';
import { listAssessmentRows } from '$lib/server/assessments/list';
import { lifecycleActions, lifecycleData } from '$lib/server/web/actions/lifecycle';
import { runtime } from '$lib/server/web/runtime';
import type { Actions, PageServerLoad } from './$types';

/**
 * Those who manage clients (owners and consultants) archive, restore and delete one; a deleted
 * client is reached here only. Anyone else finds no such page.
 */
async function requireClientLifecycle(event: RequestEvent<{ orgId: string; clientId: string }>) {
	const found = await requireClient(event, event.params.orgId, event.params.clientId, undefined, {
		includeDeleted: true
	});
	if (!CLIENT_MANAGER_ROLES.includes(found.membership.role)) error(404, 'Not found');
	return { ...found, record: found.client };
}

export const load: PageServerLoad = async (event) => {
	const { client, membership } = await requireClientLifecycle(event);
	const db = runtime().db;
	// What to export before deleting: its assessments in use and archived (not those deleted).
	const exportable = client.deletedAt
		? []
		: [
				...(await listAssessmentRows(db, membership, { clientId: client.id })),
				...(await listAssessmentRows(db, membership, { clientId: client.id, shelf: 'archived' }))
			];
	return {
		client: { id: client.id, name: client.name },
		assessments: exportable.map((a) => ({ id: a.id, title: a.title })),
		...(await lifecycleData(client, membership.role === 'owner'))
	};
};

/** Deleting a client deletes its assessments with it; the purge takes them all. */
const lifecycle = lifecycleActions({
	find: requireClientLifecycle,
	move: (db, actor, client, move) => moveClientShelf(db, actor, { client, move }),
	purge: purgeClient,
	nameOf: (c) => c.name,
	pageOf: (c) => `/o/${c.orgId}/clients/${c.id}/lifecycle`,
	deletedListOf: (c) => `/o/${c.orgId}/clients?shelf=deleted`,
	words: {
		refused: (reason) =>
			reason === 'in_use'
				? m.clients_lifecycle_err_in_use()
				: m.clients_lifecycle_err_wrong_shelf(),
		wrongName: () => m.clients_lifecycle_err_purge_confirm()
	}
});

// Named one by one, so the audit-coverage test finds each action in the source.
export const actions: Actions = {
	archive: lifecycle.archive,
	restore: lifecycle.restore,
	delete: lifecycle.delete,
	purge: lifecycle.purge
};
