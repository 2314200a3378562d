import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { startAssessmentSchema } from '$lib/schemas/assessment';
import { requireOrgWide } from '../guards/auth';
import { runtime } from '../runtime';
import { START_ROLES } from '../guards/assessment';
import { startAssessment, UnknownClientError } from '../../assessments/service';

/** Starts an assessment, for the client of the page (`clientId`) or the one chosen in the form. */
export async function startAssessmentAction(
	event: RequestEvent<{ orgId: string }>,
	clientId?: string
) {
	const { actor, membership } = await requireOrgWide(event, event.params.orgId, START_ROLES);
	const form = await superValidate(event.request, zod4(startAssessmentSchema));
	if (!form.valid) return fail(400, { form });
	let id: string;
	try {
		id = await startAssessment(runtime().db, actor, {
			orgId: membership.orgId,
			title: form.data.title,
			clientId: clientId ?? (form.data.clientId || null)
		});
	} catch (e) {
		if (!(e instanceof UnknownClientError)) throw e;
		setError(
			form,
			'clientId',
			e.reason === 'archived' ? m.clients_lifecycle_err_archived() : m.clients_err_scope_unknown()
		);
		return fail(400, { form });
	}
	redirect(303, `/o/${membership.orgId}/assessments/${id}/profile`);
}
