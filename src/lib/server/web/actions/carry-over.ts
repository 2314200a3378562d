import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { scopeItems } from '$lib/domain/applicability';
import { m } from '$lib/paraglide/messages';
import { confirmCarriedOverSchema } from '$lib/schemas/history';
import { reachesDomain } from '../../auth/scope';
import { listAnswers } from '../../db/queries/answers';
import { runtime } from '../runtime';
import { requireAssessment } from '../guards/assessment';
import { confirmCarriedOver } from '../../assessments/history';
import { assessmentCorpus } from '../../assessments/service';

/** The action behind "confirm" (one item) and "confirm all in this domain", on both answer pages. */
export async function confirmCarriedOverAction(
	event: RequestEvent<{ orgId: string; assessmentId: string }>
) {
	const { assessment, actor, membership } = await requireAssessment(
		event,
		event.params.orgId,
		event.params.assessmentId,
		'edit'
	);
	const form = await superValidate(event.request, zod4(confirmCarriedOverSchema), {
		id: 'confirm-carried-over'
	});
	if (!form.valid) return fail(400, { confirmForm: form });
	const db = runtime().db;
	const corpus = await assessmentCorpus(db, assessment);
	const applicable = scopeItems(corpus.items, assessment.profile).applicable;
	const { itemId, domain } = form.data;
	// A respondent restricted to some domains confirms only within them.
	const chosen = applicable.filter(
		(i) => (itemId ? i.id === itemId : i.domain === domain) && reachesDomain(membership, i.domain)
	);
	if (chosen.length === 0) error(404, 'Not found');
	const carried = new Set(
		(await listAnswers(db, assessment.id)).filter((a) => a.carriedOver).map((a) => a.itemId)
	);
	const confirmed = await confirmCarriedOver(db, actor, {
		assessment,
		itemIds: chosen.map((i) => i.id).filter((id) => carried.has(id))
	});
	return { confirmed: m.carry_confirmed({ count: confirmed.length }) };
}
