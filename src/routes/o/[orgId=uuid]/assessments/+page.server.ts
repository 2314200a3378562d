import { error, fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { startAssessmentSchema } from '$lib/schemas/assessment';
import { startFromPreviousSchema } from '$lib/schemas/history';
import { startFromPrevious } from '$lib/server/assessments/history';
import { requireMembership } from '$lib/server/auth/guards';
import { START_ROLES } from '$lib/server/assessments/guards';
import { evaluateAssessments, startAssessment } from '$lib/server/assessments/service';
import { listAssessments } from '$lib/server/db/queries/assessments';
import { runtime } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { membership } = await requireMembership(event, event.params.orgId);
	const db = runtime().db;
	const assessments = await listAssessments(db, { orgId: membership.orgId });
	const rows = [];
	const evaluations = await evaluateAssessments(db, assessments);
	for (const a of assessments) {
		const evaluation = evaluations.get(a.id)!;
		const overall = evaluation.score.overall;
		rows.push({
			id: a.id,
			title: a.title,
			state: a.state,
			updatedAt: a.updatedAt,
			versionHash: a.versionHash,
			verdict: evaluation.score.verdict,
			score: overall.score,
			answered: overall.answered,
			applicable: overall.applicable
		});
	}
	return {
		assessments: rows,
		canStart: START_ROLES.includes(membership.role),
		form: await superValidate(zod4(startAssessmentSchema))
	};
};

export const actions: Actions = {
	start: async (event) => {
		const { user, membership } = await requireMembership(event, event.params.orgId, START_ROLES);
		const form = await superValidate(event.request, zod4(startAssessmentSchema));
		if (!form.valid) return fail(400, { form });
		const id = await startAssessment(runtime().db, {
			orgId: membership.orgId,
			title: form.data.title,
			actorId: user.id
		});
		redirect(303, `/o/${membership.orgId}/assessments/${id}/profile`);
	},
	/** The next assessment, started from a previous one (from this list or its result page). */
	next: async (event) => {
		const { user, membership } = await requireMembership(event, event.params.orgId, START_ROLES);
		const form = await superValidate(event.request, zod4(startFromPreviousSchema));
		if (!form.valid) return fail(400, { nextForm: form });
		const id = await startFromPrevious(runtime().db, {
			orgId: membership.orgId,
			actorId: user.id,
			previousId: form.data.previousId,
			title: form.data.title
		});
		if (!id) error(404, 'Not found');
		redirect(303, `/o/${membership.orgId}/assessments/${id}/questionnaire`);
	}
};
