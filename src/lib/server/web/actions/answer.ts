import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages';
import { answerProblemText } from '$lib/labels/assessment';
import {
	answerSchema,
	evidenceLines,
	type AnswerForm,
	type AnswerNotice
} from '$lib/schemas/assessment';
import type { StoredAnswer } from '../../db/queries/answers';
import { runtime } from '../runtime';
import { canEdit, EDIT_ROLES, requireAssessment, requireItemInReach } from '../guards/assessment';
import { assessmentCorpus, saveAnswer } from '../../assessments/service';

/** The one action that saves an answer, shared by the questionnaire and the item page. */
export async function saveAnswerAction(
	event: RequestEvent<{ orgId: string; assessmentId: string }>
) {
	// The page's own autosave (fetch, JSON answer) keeps the typed change and asks the person to log
	// in again; a redirect to the log-in page would take the page, and the change, away.
	if (!event.locals.user && event.request.headers.get('x-sveltekit-action') === 'true')
		error(401, 'Log in again');
	const { assessment, actor, membership } = await requireAssessment(
		event,
		event.params.orgId,
		event.params.assessmentId,
		'view'
	);
	if (!EDIT_ROLES.includes(membership.role)) error(403, 'Forbidden');
	const form = await superValidate<AnswerForm, AnswerNotice>(event.request, zod4(answerSchema));
	const target = (await assessmentCorpus(runtime().db, assessment)).items.find(
		(i) => i.id === form.data.itemId
	);
	if (target) requireItemInReach(membership, target);
	if (!canEdit(membership, assessment))
		// A final assessment is locked: say so beside the answer rather than on an error page.
		return message(form, { type: 'error', text: m.clients_err_final_locked() }, { status: 409 });
	if (!form.valid) return fail(400, { form });
	const { data } = form;
	const result = await saveAnswer(runtime().db, actor, {
		assessment,
		itemId: data.itemId,
		expectedVersion: data.version,
		values: {
			status: data.status as StoredAnswer['status'],
			note: data.note,
			evidence: evidenceLines(data.evidence),
			owner: data.owner === '' ? null : data.owner,
			due: data.due === '' ? null : data.due
		}
	});
	if (result.ok) {
		form.data.version = result.version;
		return message(form, { type: 'success', text: m.answer_saved() });
	}
	if (result.reason === 'not_applicable_item') error(404, 'Not found');
	if (result.reason === 'final')
		return message(form, { type: 'error', text: m.clients_err_final_locked() }, { status: 409 });
	if (result.reason === 'invalid') {
		for (const problem of result.problems) {
			setError(form, problem.field, answerProblemText(problem));
		}
		return fail(400, { form });
	}
	// Someone saved first: keep the typed values, show theirs, and base a deliberate resave on theirs.
	form.data.version = result.current?.version ?? 0;
	return message(
		form,
		{ type: 'error', text: m.err_answer_conflict(), conflict: result.current },
		{ status: 409 }
	);
}
