import { error } from '@sveltejs/kit';
import { requireResultView } from '$lib/server/web/guards/assessment';
import {
	canWriteVoice,
	gapObservationAction,
	gapObservationForm
} from '$lib/server/web/actions/consultant-voice';
import { applicableItem } from '$lib/server/assessments/service';
import { loadConsultantVoice } from '$lib/server/voice/consultant-voice';
import { runtime } from '$lib/server/web/runtime';
import { local } from '$lib/labels/assessment';
import type { Actions, PageServerLoad } from './$types';

/**
 * The consultant's observation on one gap, on a page of its own: the gap as the result page shows
 * it, the form (owners and consultants, until final) or the text (everyone else), and the way to
 * the previous and next gap, so a consultant can go through them in order.
 */
export const load: PageServerLoad = async (event) => {
	const { assessment, membership, view } = await requireResultView(event);
	const { corpus, answers, evaluation } = view;
	// An applicable item that is no longer a gap (answered again since) keeps its page, saying so:
	// a save made while it changed lands here with its refusal, not on a 404.
	const item = applicableItem(corpus, assessment.profile, event.params.itemId);
	if (!item) error(404, 'Not found');
	const gaps = evaluation.score.gaps;
	const index = gaps.findIndex((g) => g.itemId === item.id);
	const gap = gaps[index];
	const answer = answers.find((a) => a.itemId === item.id);
	const observation = (await loadConsultantVoice(runtime().db, assessment.id)).observations[
		item.id
	];
	return {
		gap: {
			itemId: item.id,
			severity: item.severity,
			status: gap?.status ?? null,
			question: local(item.question),
			note: answer?.note ?? '',
			owner: answer?.owner ?? null,
			due: answer?.due ?? null
		},
		observation: observation ?? null,
		form: await gapObservationForm(item.id, observation),
		canWrite: gap !== undefined && canWriteVoice(membership, assessment),
		position: gap ? index + 1 : null,
		total: gaps.length,
		previous: gap ? (gaps[index - 1]?.itemId ?? null) : null,
		next: gap ? (gaps[index + 1]?.itemId ?? null) : (gaps[0]?.itemId ?? null)
	};
};

export const actions: Actions = {
	/** Saves this gap's observation: a new version, or a conflict naming the newer one. */
	save: (event) => gapObservationAction(event)
};
