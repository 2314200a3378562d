import { error } from '@sveltejs/kit';
import { findingQuotes } from '$lib/domain/findings';
import { fail, message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { importTemplateFormSchema, type ImportNotice } from '$lib/schemas/assessment-export';
import {
	requireAssessment,
	requireResultView,
	START_ROLES
} from '$lib/server/web/guards/assessment';
import { loadResultActionPlan } from '$lib/server/web/actions/action-status';
import {
	loadConsultantVoiceForms,
	reportStatementAction
} from '$lib/server/web/actions/consultant-voice';
import { actionPlanSummary } from '$lib/domain/action-status';
import { importQuestionnaireTemplate } from '$lib/server/assessments/template-import';
import { lawCurrentAsOf } from '$lib/domain/provision-standing';
import { sourceShortTitle } from '$lib/labels/corpus';
import { nextSteps } from '$lib/domain/next-steps';
import { packGapRow, type GapRow } from '$lib/domain/gap-rows';
import { local } from '$lib/labels/assessment';
import { getLocale } from '$lib/paraglide/runtime';
import { packSupport } from '$lib/domain/pack-annexes';
import { supportBlock } from '$lib/domain/pack-annex-text';
import { packWords } from '$lib/labels/pack-words';
import { shanghaiDate } from '$lib/server/report/load-report';
import { runtime } from '$lib/server/web/runtime';
import { unhashedPage } from '$lib/server/web/unhashed-page';
import { assessmentStaleness, staleSentences } from '$lib/server/pack/staleness';
import type { Actions, PageServerLoad } from './$types';

type TemplateForm = typeof importTemplateFormSchema._zod.output;

export const load: PageServerLoad = async (event) => {
	const { assessment, membership, view } = await requireResultView(event);
	const { corpus, answers, evaluation } = view;
	const packLang = getLocale() === 'en' ? 'en' : 'zh';
	// What the page reads besides the evaluation, asked for at once (each is a query or two).
	const [actionPlan, staleness, templateForm, voice] = await Promise.all([
		loadResultActionPlan(assessment, corpus, evaluation, answers),
		assessmentStaleness(runtime().db, assessment, view, shanghaiDate(new Date())),
		superValidate<TemplateForm, ImportNotice>(zod4(importTemplateFormSchema)),
		loadConsultantVoiceForms(assessment, membership)
	]);
	const lang = getLocale();
	const items = new Map(corpus.items.map((i) => [i.id, i]));
	const provisions = new Map(corpus.provisions.map((p) => [p.id, p]));
	const byItem = new Map(answers.map((a) => [a.itemId, a]));
	// Only what the first screen and the collapsed rows need, in the reader's language: the
	// verbatim quotes live on each item's page (the page was 700 KB with them).
	/** Each cited provision's short citation, once: many gaps cite the same article. */
	const citationText: Record<string, string> = {};
	const gaps: GapRow[] = evaluation.score.gaps.map((g) => {
		const item = items.get(g.itemId)!;
		const answer = byItem.get(g.itemId);
		return {
			itemId: g.itemId,
			domain: g.domain,
			severity: g.severity,
			basis: g.basis,
			status: g.status,
			question: local(item.question),
			note: answer?.note ?? '',
			owner: answer?.owner ?? null,
			due: answer?.due ?? null,
			citations: item.provisions.filter((id) => {
				const p = provisions.get(id);
				const source = p && corpus.sources.find((x) => x.id === p.source);
				if (!p || !source) return false;
				const short = sourceShortTitle(source, lang);
				citationText[id] ??= lang === 'en' ? `${short}, ${p.label_en}` : `${short}${p.label}`;
				return true;
			})
		};
	});
	const { verdict, reasons, overall, complete, goodPractice } = evaluation.score;
	const quotedIds = new Set(evaluation.result.findings.map((f) => f.provisions[0]));
	const quoted = corpus.provisions.filter((p) => quotedIds.has(p.id));
	return {
		score: {
			verdict,
			reasons,
			overall,
			complete,
			goodPractice,
			progress: evaluation.score.progress
		},
		findings: evaluation.result.findings,
		// What the bars and the gap filters show of each domain, not all its figures.
		domains: corpus.domains
			.filter((d) => evaluation.score.domains[d.id])
			.map((d) => {
				const { score, answered, applicable } = evaluation.score.domains[d.id]!;
				return { id: d.id, label: local(d), figures: { score, answered, applicable } };
			}),
		gaps: gaps.map(packGapRow),
		citationText,
		nextSteps: nextSteps(assessment.state, assessment.profileVersion > 0, evaluation.score),
		/** The good-practice items to improve are listed on the action plan's page. */
		opportunityCount: evaluation.score.opportunities.length,
		unanswered: evaluation.score.unanswered.map((id) => ({
			itemId: id,
			basis: items.get(id)!.basis,
			question: local(items.get(id)!.question)
		})),
		lawCurrentAsOf: lawCurrentAsOf(corpus),
		// What the firm may apply for, beside its gaps (as in the filing pack), the background-only marked.
		support: supportBlock({
			lang: packLang,
			words: packWords()[packLang],
			support: packSupport({
				corpus,
				profile: view.profile,
				today: shanghaiDate(new Date()),
				lang: packLang
			})
		}),
		stale: staleSentences(staleness, lang === 'en' ? 'en' : 'zh', corpus),
		// The provision each finding quotes, its source and the conflict it names: only those of the
		// findings there are (most assessments have none), not every restricted term's.
		restrictedProvisions: findingQuotes(quoted),
		sources: Object.fromEntries(
			corpus.sources
				.filter((s) => quoted.some((p) => p.source === s.id))
				.map((s) => [s.id, { zh: s.title_zh, en: s.title_en }])
		),
		conflicts: corpus.conflicts.filter((c) =>
			evaluation.result.findings.some((f) => f.conflict === c.id)
		),
		previousId: assessment.previousAssessmentId,
		/** Starting the next assessment from this one makes sense once this one is final. */
		canStart: START_ROLES.includes(membership.role) && assessment.state === 'final',
		canImportTemplate: START_ROLES.includes(membership.role) && assessment.state !== 'final',
		templateForm,
		/** The action plan is a page of its own: here, how it stands. */
		actionPlan: actionPlanSummary(actionPlan),
		...voice,
		...unhashedPage(event)
	};
};

export const actions: Actions = {
	/** The consultant's opinion and scope statement for the report (owners and consultants). */
	reportStatement: (event) => reportStatementAction(event),
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
