import { error } from '@sveltejs/kit';
import { requireAssessment, canEdit } from '$lib/server/assessments/guards';
import { answerForm, saveAnswerAction } from '$lib/server/assessments/answer-action';
import { confirmCarriedOverAction } from '$lib/server/assessments/carry-over-action';
import { itemWithProvisions } from '$lib/server/assessments/item-view';
import { applicableItem, assessmentCorpus } from '$lib/server/assessments/service';
import { findAnswer } from '$lib/server/db/queries/answers';
import { listAuditEntries } from '$lib/server/db/queries/audit-log';
import { runtime } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { assessment, membership } = await requireAssessment(
		event,
		event.params.orgId,
		event.params.assessmentId,
		'view'
	);
	const db = runtime().db;
	const corpus = await assessmentCorpus(db, assessment);
	const item = applicableItem(corpus, assessment.profile, event.params.itemId);
	if (!item) error(404, 'Not found');
	const saved = await findAnswer(db, assessment.id, item.id);
	return {
		item: itemWithProvisions(corpus, item),
		form: await answerForm(item.id, saved ?? undefined),
		saved,
		history: await listAuditEntries(db, {
			orgId: assessment.orgId,
			assessmentId: assessment.id,
			itemId: item.id
		}),
		canEdit: canEdit(membership, assessment)
	};
};

export const actions: Actions = { save: saveAnswerAction, confirm: confirmCarriedOverAction };
