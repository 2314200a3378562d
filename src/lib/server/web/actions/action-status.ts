import { error, type RequestEvent } from '@sveltejs/kit';
import { fail, message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Corpus } from '../../../domain/corpus';
import type { Evaluation } from '../../../domain/result';
import type { StoredAnswer } from '../../../domain/stored-answer';
import { m } from '$lib/paraglide/messages';
import { actionPlanFilterSchema, actionStatusSchema } from '$lib/schemas/action-status';
import type { ActionFilter } from '../../../domain/action-status';
import type { AssessmentRecord } from '../../db/queries/assessments';
import { listActionPlan, setActionStatus } from '../../report/action-status';
import { canEdit, requireAssessment } from '../guards/assessment';
import { runtime } from '../runtime';

type Notice = { type: 'success' | 'error'; text: string };

/** The action plan: one row per gap, by due date then severity. */
export function loadResultActionPlan(
	assessment: AssessmentRecord,
	corpus: Corpus,
	evaluation: Evaluation,
	answers: readonly StoredAnswer[]
) {
	const items = new Map(corpus.items.map((i) => [i.id, i]));
	return listActionPlan(runtime().db, {
		assessment,
		gaps: evaluation.score.gaps.map((g) => ({
			itemId: g.itemId,
			severity: g.severity,
			remediation: items.get(g.itemId)!.remediation
		})),
		answers
	});
}

const FILTER_LABELS: Record<keyof ActionFilter, () => string> = {
	status: m.plan_filter_status,
	severity: m.plan_filter_severity,
	owner: m.plan_filter_owner,
	overdue: m.plan_filter_overdue
};

/** The action plan page's filters from its query string; a 400 naming the filter that is wrong. */
export function requireActionPlanFilter(url: URL): ActionFilter {
	const parsed = actionPlanFilterSchema.safeParse({
		status: url.searchParams.get('status') ?? undefined,
		severity: url.searchParams.get('severity') ?? undefined,
		owner: url.searchParams.get('owner') ?? undefined,
		overdue: url.searchParams.get('overdue') ?? undefined
	});
	if (!parsed.success) {
		const field = String(parsed.error.issues[0]?.path[0] ?? 'status') as keyof ActionFilter;
		error(400, m.plan_err_filter({ field: (FILTER_LABELS[field] ?? FILTER_LABELS.status)() }));
	}
	return parsed.data;
}

/** Sets the status of the chosen actions: by whoever may edit the assessment; all or nothing. */
export async function actionStatusAction(
	event: RequestEvent<{ orgId: string; assessmentId: string }>
) {
	const { actor, membership, assessment } = await requireAssessment(
		event,
		event.params.orgId,
		event.params.assessmentId,
		'view',
		{ wholeAssessment: true }
	);
	if (!canEdit(membership, assessment) && assessment.state !== 'final') error(403, 'Forbidden');
	const form = await superValidate<typeof actionStatusSchema._zod.output, Notice>(
		event.request,
		zod4(actionStatusSchema),
		{ id: 'action-status' }
	);
	if (!form.valid) return fail(400, { form });
	const result = await setActionStatus(runtime().db, actor, {
		assessment,
		itemIds: form.data.items,
		status: form.data.status
	});
	if (result.ok)
		return message(form, {
			type: 'success',
			text: m.report_action_status_saved({ count: form.data.items.length })
		});
	if (result.reason === 'final')
		return message(
			form,
			{ type: 'error', text: m.report_action_status_err_final() },
			{ status: 409 }
		);
	return message(
		form,
		{ type: 'error', text: m.report_action_status_err_not_gap({ items: result.items.join(', ') }) },
		{ status: 400 }
	);
}
