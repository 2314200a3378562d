import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { canEdit, requireAssessment } from '$lib/server/web/guards/assessment';
import { moveToCurrentVersion, versionStatus } from '$lib/server/assessments/versions';
import { runtime } from '$lib/server/web/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { assessment, membership } = await requireAssessment(
		event,
		event.params.orgId,
		event.params.assessmentId,
		'view',
		{ wholeAssessment: true }
	);
	return {
		status: await versionStatus(runtime().db, assessment),
		canMove: canEdit(membership, assessment)
	};
};

export const actions: Actions = {
	move: async (event) => {
		const { assessment, actor } = await requireAssessment(
			event,
			event.params.orgId,
			event.params.assessmentId,
			'edit',
			{ wholeAssessment: true }
		);
		const result = await moveToCurrentVersion(runtime().db, actor, { assessment });
		if (result.ok || result.reason === 'current')
			redirect(303, `/o/${assessment.orgId}/assessments/${assessment.id}/questionnaire`);
		return fail(result.reason === 'final' ? 403 : 409, {
			error: result.reason === 'final' ? m.qversion_final() : m.qversion_conflict()
		});
	}
};
