import { fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import type { FormNotice } from '$lib/forms';
import {
	clientFields,
	clientFieldsAsLoaded,
	clientFormValues,
	clientSchema,
	type ClientForm
} from '$lib/schemas/client';
import { startAssessmentSchema } from '$lib/schemas/assessment';
import { listAssessmentRows } from '$lib/server/assessments/list';
import { startAssessmentAction } from '$lib/server/web/actions/start-assessment';
import { CLIENT_MANAGER_ROLES, requireClient } from '$lib/server/web/guards/client';
import { clientOf, editClient } from '$lib/server/clients/service';
import { currentQuestionnaire } from '$lib/server/corpus';
import { openInvitations } from '$lib/server/orgs/invitations';
import { inviteAction, inviteForm } from '$lib/server/web/actions/invite';
import { runtime } from '$lib/server/web/runtime';
import { shanghaiDayOf } from '$lib/server/web/actions/lifecycle';
import { listIdentityConflicts } from '$lib/server/identity/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { membership, client } = await requireClient(
		event,
		event.params.orgId,
		event.params.clientId
	);
	const db = runtime().db;
	const canManage = CLIENT_MANAGER_ROLES.includes(membership.role);
	const assessments = await listAssessmentRows(db, membership, { clientId: client.id });
	return {
		client,
		archivedOn: client.archivedAt ? shanghaiDayOf(client.archivedAt) : null,
		canManage,
		assessments,
		domains: currentQuestionnaire().corpus.domains.map((d) => ({ id: d.id, zh: d.zh, en: d.en })),
		invitations: canManage ? await openInvitations(db, membership.orgId, client.id) : [],
		identityConflicts: canManage
			? await listIdentityConflicts(db, { orgId: membership.orgId, clientId: client.id })
			: [],
		form: await superValidate<ClientForm, FormNotice>(
			clientFormValues(client),
			zod4(clientSchema),
			{ errors: false }
		),
		startForm: await superValidate(zod4(startAssessmentSchema)),
		inviteForm: await inviteForm()
	};
};

export const actions: Actions = {
	update: async (event) => {
		const { actor, client } = await requireClient(
			event,
			event.params.orgId,
			event.params.clientId,
			CLIENT_MANAGER_ROLES
		);
		const form = await superValidate<ClientForm, FormNotice>(event.request, zod4(clientSchema));
		if (!form.valid) return fail(400, { form });
		const db = runtime().db;
		const saved = await editClient(db, actor, {
			client,
			fields: clientFields(form.data),
			fieldsAsLoaded: clientFieldsAsLoaded(form.data.loaded)
		});
		if (!saved.ok && saved.reason === 'conflict')
			return message(form, { type: 'error', text: m.clients_err_conflict() }, { status: 409 });
		// What is stored now, fields changed by someone else included, becomes what the form shows.
		const now = await clientOf(db, { orgId: client.orgId, id: client.id });
		if (now) form.data = clientFormValues(now);
		return message(form, { type: 'success', text: m.clients_saved() });
	},
	start: async (event) => {
		const { client } = await requireClient(
			event,
			event.params.orgId,
			event.params.clientId,
			CLIENT_MANAGER_ROLES
		);
		return startAssessmentAction(event, client.id);
	},
	invite: async (event) => {
		const { client } = await requireClient(
			event,
			event.params.orgId,
			event.params.clientId,
			CLIENT_MANAGER_ROLES
		);
		return inviteAction(event, { roles: CLIENT_MANAGER_ROLES, clientId: client.id });
	}
};
