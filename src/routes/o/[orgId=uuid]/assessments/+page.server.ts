import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { startAssessmentSchema } from '$lib/schemas/assessment';
import { requireMembership } from '$lib/server/auth/guards';
import { isRestricted } from '$lib/server/auth/scope';
import { START_ROLES } from '$lib/server/assessments/guards';
import { listAssessmentRows } from '$lib/server/assessments/list';
import { startAssessmentAction } from '$lib/server/assessments/start-action';
import { listClients } from '$lib/server/db/queries/clients';
import { runtime } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { membership } = await requireMembership(event, event.params.orgId);
	const db = runtime().db;
	const canStart = START_ROLES.includes(membership.role) && !isRestricted(membership);
	return {
		assessments: await listAssessmentRows(db, membership),
		canStart,
		clients:
			canStart && membership.orgKind === 'consultancy'
				? (await listClients(db, { orgId: membership.orgId })).map((c) => ({
						id: c.id,
						name: c.name
					}))
				: [],
		form: await superValidate(zod4(startAssessmentSchema))
	};
};

export const actions: Actions = {
	start: (event) => startAssessmentAction(event)
};
