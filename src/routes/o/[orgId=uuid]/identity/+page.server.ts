import { fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { FormNotice } from '$lib/forms';
import { m } from '$lib/paraglide/messages';
import { resolveConflictSchema } from '$lib/schemas/identity';
import { listIdentityConflicts, resolveIdentityConflict } from '$lib/server/identity/service';
import { START_ROLES } from '$lib/server/web/guards/assessment';
import { requireOrgWide } from '$lib/server/web/guards/auth';
import { runtime } from '$lib/server/web/runtime';
import { sameOriginPath } from '$lib/server/web/redirect';
import type { Actions, PageServerLoad } from './$types';

/** Every registered name or business scope of the organisation waiting for a person to choose. */
export const load: PageServerLoad = async (event) => {
	const { membership } = await requireOrgWide(event, event.params.orgId);
	return {
		conflicts: await listIdentityConflicts(runtime().db, { orgId: membership.orgId }),
		canResolve: START_ROLES.includes(membership.role),
		form: await superValidate<typeof resolveConflictSchema._zod.output, FormNotice>(
			zod4(resolveConflictSchema)
		)
	};
};

export const actions: Actions = {
	resolve: async (event) => {
		const { actor, membership } = await requireOrgWide(event, event.params.orgId, START_ROLES);
		const form = await superValidate<typeof resolveConflictSchema._zod.output, FormNotice>(
			event.request,
			zod4(resolveConflictSchema)
		);
		if (!form.valid) return fail(400, { form });
		const home = `/o/${membership.orgId}/`;
		// Parsed (and a control character refused) before anything is saved.
		const next = sameOriginPath(form.data.next, event.url.origin);
		const resolved = await resolveIdentityConflict(runtime().db, actor, {
			orgId: membership.orgId,
			conflictId: form.data.conflictId,
			choice: form.data.choice
		});
		if (!resolved)
			return message(form, { type: 'error', text: m.identity_conflict_gone() }, { status: 409 });
		redirect(303, next.startsWith(home) ? next : `${home}identity`);
	}
};
