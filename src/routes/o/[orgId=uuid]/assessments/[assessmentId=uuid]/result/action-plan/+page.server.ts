import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { actionStatusSchema } from '$lib/schemas/action-status';
import { canEdit, requireResultView } from '$lib/server/web/guards/assessment';
import {
	actionStatusAction,
	loadResultActionPlan,
	requireActionPlanFilter
} from '$lib/server/web/actions/action-status';
import { local } from '$lib/labels/assessment';
import type { ActionRow } from '$lib/domain/action-status';
import type { Actions, PageServerLoad } from './$types';

/**
 * The action plan on a page of its own (the result page links here with a summary): one action per
 * gap with its owner, due date and status, filters, and the status set on one action or several;
 * then the good-practice items that could be improved, which are never gaps.
 */
export const load: PageServerLoad = async (event) => {
	const filter = requireActionPlanFilter(event.url);
	const { assessment, membership, view } = await requireResultView(event);
	const { corpus, answers, evaluation } = view;
	const plan = await loadResultActionPlan(assessment, corpus, evaluation, answers);
	const items = new Map(corpus.items.map((i) => [i.id, i]));
	return {
		actions: plan.map((a): ActionRow => ({ ...a, action: local(a.action) })),
		filter,
		canSet: canEdit(membership, assessment),
		form: await superValidate(zod4(actionStatusSchema), { id: 'action-status' }),
		goodPractice: evaluation.score.goodPractice,
		opportunities: evaluation.score.opportunities.map((g) => ({
			itemId: g.itemId,
			status: g.status,
			question: local(items.get(g.itemId)!.question)
		}))
	};
};

export const actions: Actions = {
	/** The status of the chosen actions, one or many: by whoever may edit the assessment. */
	actionStatus: (event) => actionStatusAction(event)
};
