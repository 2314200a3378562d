import { error } from '@sveltejs/kit';
import { fail, message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { importTemplateFormSchema, type ImportNotice } from '$lib/schemas/assessment-export';
import { requireAssessment, START_ROLES } from '$lib/server/web/guards/assessment';
import { importQuestionnaireTemplate } from '$lib/server/assessments/template-import';
import { itemWithProvisions } from '$lib/domain/item-view';
import { lawCurrentAsOf } from '$lib/domain/provision-standing';
import { loadAssessmentView } from '$lib/server/assessments/service';
import { runtime } from '$lib/server/web/runtime';
import type { Actions, PageServerLoad } from './$types';

type TemplateForm = typeof importTemplateFormSchema._zod.output;

export const load: PageServerLoad = async (event) => {
	const { assessment, membership } = await requireAssessment(
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
		opportunities: evaluation.score.opportunities.map((g) => ({
			...g,
			question: items.get(g.itemId)!.question,
			answer: byItem.get(g.itemId) ?? null
		})),
		unanswered: evaluation.score.unanswered.map((id) => ({
			itemId: id,
			basis: items.get(id)!.basis,
			question: items.get(id)!.question
		})),
		lawCurrentAsOf: lawCurrentAsOf(corpus),
		restrictedProvisions: Object.fromEntries(
			corpus.provisions
				.filter((p) => corpus.restrictedTerms.some((t) => t.provisions.includes(p.id)))
				.map((p) => [
					p.id,
					{
						label: p.label,
						label_en: p.label_en,
						source: p.source,
						text_zh: p.text_zh,
						summary_en: p.summary_en
					}
				])
		),
		sources: Object.fromEntries(
			corpus.sources.map((s) => [s.id, { zh: s.title_zh, en: s.title_en }])
		),
		conflicts: corpus.conflicts,
		previousId: assessment.previousAssessmentId,
		canStart: START_ROLES.includes(membership.role),
		canImportTemplate: START_ROLES.includes(membership.role) && assessment.state !== 'final',
		templateForm: await superValidate<TemplateForm, ImportNotice>(zod4(importTemplateFormSchema))
	};
};

export const actions: Actions = {
	/** A filled questionnaire template: all of it or nothing, by the consultant running the assessment. */
	importTemplate: async (event) => {
		const { actor, membership, assessment } = await requireAssessment(
			event,
			event.params.orgId,
			event.params.assessmentId,
			'view'
		);
		if (!START_ROLES.includes(membership.role)) error(403, 'Forbidden');
		const form = await superValidate<TemplateForm, ImportNotice>(
			event.request,
			zod4(importTemplateFormSchema)
		);
		if (!form.valid) return fail(400, { form });
		const result = await importQuestionnaireTemplate(runtime().db, actor, {
			orgId: assessment.orgId,
			id: assessment.id,
			bytes: new Uint8Array(await form.data.file.arrayBuffer())
		});
		if (!result) error(404, 'Not found');
		if (result.ok)
			return message(form, {
				type: 'success',
				text: m.exports_template_imported({ saved: result.saved, skipped: result.skipped })
			});
		const notice: Record<typeof result.reason, [400 | 409 | 413, string]> = {
			final: [409, m.exports_template_final()],
			not_xlsx: [400, m.exports_template_not_xlsx()],
			conflict: [409, m.exports_template_conflict()],
			invalid: [400, m.exports_template_issues()],
			limit: [413, result.reason === 'limit' ? result.message : '']
		};
		const [status, text] = notice[result.reason];
		const issues = result.reason === 'invalid' ? result.problems : undefined;
		return message(form, { type: 'error', text, issues }, { status });
	}
};
