import { error } from '@sveltejs/kit';
import { requireAssessment, canEdit } from '$lib/server/assessments/guards';
import { answerForm, saveAnswerAction } from '$lib/server/assessments/answer-action';
import { confirmCarriedOverAction } from '$lib/server/assessments/carry-over-action';
import { itemWithProvisions } from '$lib/server/assessments/item-view';
import { loadAssessmentView } from '$lib/server/assessments/service';
import { runtime } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { assessment, membership } = await requireAssessment(
		event,
		event.params.orgId,
		event.params.assessmentId,
		'view'
	);
	const { corpus, answers, evaluation } = await loadAssessmentView(runtime().db, assessment);
	const applicable = new Set(evaluation.result.applicable);
	const domains = corpus.domains
		.map((d) => ({ ...d, figures: evaluation.score.domains[d.id] }))
		.filter((d) => d.figures !== undefined);
	const requested = event.url.searchParams.get('domain');
	if (requested !== null && !domains.some((d) => d.id === requested)) error(404, 'Not found');
	const domainId = requested ?? domains[0]?.id ?? null;
	const items = corpus.items.filter((i) => i.domain === domainId && applicable.has(i.id));
	const byItem = new Map(answers.map((a) => [a.itemId, a]));
	return {
		domains,
		domainId,
		overall: evaluation.score.overall,
		items: await Promise.all(
			items.map(async (item) => ({
				item: itemWithProvisions(corpus, item),
				form: await answerForm(item.id, byItem.get(item.id)),
				saved: byItem.get(item.id) ?? null
			}))
		),
		carriedOver: items.filter((i) => byItem.get(i.id)?.carriedOver).map((i) => i.id),
		canEdit: canEdit(membership, assessment)
	};
};

export const actions: Actions = { save: saveAnswerAction, confirm: confirmCarriedOverAction };
