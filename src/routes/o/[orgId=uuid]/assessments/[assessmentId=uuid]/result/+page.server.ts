import { requireAssessment } from '$lib/server/assessments/guards';
import { itemWithProvisions } from '$lib/server/assessments/item-view';
import { loadAssessmentView } from '$lib/server/assessments/service';
import { runtime } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { assessment } = await requireAssessment(
		event,
		event.params.orgId,
		event.params.assessmentId,
		'view',
		{ wholeAssessment: true }
	);
	const { corpus, answers, evaluation } = await loadAssessmentView(runtime().db, assessment);
	const items = new Map(corpus.items.map((i) => [i.id, i]));
	const byItem = new Map(answers.map((a) => [a.itemId, a]));
	return {
		score: evaluation.score,
		findings: evaluation.result.findings,
		domains: corpus.domains
			.filter((d) => evaluation.score.domains[d.id])
			.map((d) => ({ id: d.id, zh: d.zh, en: d.en, figures: evaluation.score.domains[d.id]! })),
		gaps: evaluation.score.gaps.map((g) => ({
			...g,
			item: itemWithProvisions(corpus, items.get(g.itemId)!),
			answer: byItem.get(g.itemId) ?? null
		})),
		restrictedProvisions: Object.fromEntries(
			corpus.provisions
				.filter((p) => corpus.restrictedTerms.some((t) => t.provisions.includes(p.id)))
				.map((p) => [
					p.id,
					{ label: p.label, source: p.source, text_zh: p.text_zh, summary_en: p.summary_en }
				])
		),
		sources: Object.fromEntries(
			corpus.sources.map((s) => [s.id, { zh: s.title_zh, en: s.title_en }])
		),
		conflicts: corpus.conflicts
	};
};
