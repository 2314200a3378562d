import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { fail, message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import type { FormNotice } from '$lib/forms';
import { purgeSchema, type PurgeForm } from '$lib/schemas/lifecycle';
import { requireAssessment, START_ROLES } from '$lib/server/web/guards/assessment';
import {
	moveAssessmentShelf,
	purgeAssessment,
	purgeDueAt,
	type LifecycleMove
} from '$lib/server/assessments/lifecycle';
import { shanghaiDay } from '$lib/server/jobs/schedule';
import { readServerEnv } from '$lib/server/env';
import { runtime } from '$lib/server/web/runtime';
import type { Actions, PageServerLoad } from './$types';

type LifecycleEvent = RequestEvent<{ orgId: string; assessmentId: string }>;
const graceDays = readServerEnv().deletionGraceDays;

/** Owners and consultants archive, restore and delete; a deleted assessment is reached here only. */
async function requireLifecycle(event: LifecycleEvent) {
	const found = await requireAssessment(
		event,
		event.params.orgId,
		event.params.assessmentId,
		'view',
		{ includeDeleted: true }
	);
	if (!START_ROLES.includes(found.membership.role)) error(404, 'Not found');
	return found;
}

const purgeForm = () => superValidate<PurgeForm, FormNotice>(zod4(purgeSchema), { id: 'purge' });

export const load: PageServerLoad = async (event) => {
	const { assessment, membership } = await requireLifecycle(event);
	return {
		archivedAt: assessment.archivedAt,
		deletedAt: assessment.deletedAt,
		purgeOn: assessment.deletedAt ? shanghaiDay(purgeDueAt(assessment.deletedAt, graceDays)) : null,
		graceDays,
		mayPurge: membership.role === 'owner' && assessment.deletedAt !== null,
		purgeForm: await purgeForm()
	};
};

function moveAction(move: LifecycleMove) {
	return async (event: LifecycleEvent) => {
		const { assessment, actor } = await requireLifecycle(event);
		const result = await moveAssessmentShelf(runtime().db, actor, { assessment, move });
		if (!result.ok) return fail(409, { moveError: m.engagement_err_wrong_shelf() });
		return {
			moved: move,
			done: move === 'archive' ? m.engagement_archived_done() : m.engagement_restored_done()
		};
	};
}

export const actions: Actions = {
	archive: moveAction('archive'),
	restore: moveAction('restore'),
	delete: async (event) => {
		const { assessment, actor } = await requireLifecycle(event);
		const result = await moveAssessmentShelf(runtime().db, actor, { assessment, move: 'delete' });
		if (!result.ok) return fail(409, { moveError: m.engagement_err_wrong_shelf() });
		redirect(303, `/o/${assessment.orgId}/assessments/${assessment.id}/lifecycle`);
	},
	/** Only an owner purges, a deleted assessment, confirming with its title. */
	purge: async (event) => {
		const { assessment, actor, membership } = await requireLifecycle(event);
		if (membership.role !== 'owner') error(403, 'Forbidden');
		const form = await superValidate<PurgeForm, FormNotice>(event.request, zod4(purgeSchema), {
			id: 'purge'
		});
		if (!form.valid) return fail(400, { purgeForm: form });
		if (!assessment.deletedAt)
			return message(
				form,
				{ type: 'error', text: m.engagement_err_wrong_shelf() },
				{ status: 409 }
			);
		if (form.data.confirmation !== assessment.title.trim())
			return setError(form, 'confirmation', m.engagement_err_purge_confirm(), { status: 400 });
		await purgeAssessment(runtime().db, actor, assessment);
		redirect(303, `/o/${assessment.orgId}/assessments?shelf=deleted`);
	}
};
