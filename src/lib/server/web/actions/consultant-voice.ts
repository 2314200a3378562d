import { error, type RequestEvent } from '@sveltejs/kit';
import { fail, message, setError, superValidate, type SuperValidated } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { ConsultantVoice, GapObservation } from '../../../domain/consultant-voice';
import { m } from '$lib/paraglide/messages';
import {
	gapObservationSchema,
	reportStatementSchema,
	type GapObservationForm,
	type ReportStatementForm,
	type VoiceNotice
} from '$lib/schemas/consultant-voice';
import type { AssessmentRecord } from '../../db/queries/assessments';
import type { Membership } from '../../db/queries/organisations';
import {
	loadConsultantVoiceWithHistory,
	saveGapObservation,
	saveReportStatement,
	type VoiceSaveResult
} from '../../voice/consultant-voice';
import { canReview, requireWholeAssessment } from '../guards/assessment';
import { runtime } from '../runtime';

/** Who writes the consultant's words: owners and consultants (reviewers), not respondents or viewers. */
export function canWriteVoice(membership: Membership, assessment: AssessmentRecord): boolean {
	return canReview(membership) && assessment.state !== 'final';
}

/**
 * The consultant's words for the result and review pages: the statement and each gap's
 * observation as they stand, the statement's history, and the statement's form (filled with the
 * current text and version, so a save names the version it was written over). A gap's observation
 * is written on a page of its own (`gapObservationForm`): a form per gap made the result page
 * hundreds of kilobytes.
 */
export async function loadConsultantVoiceForms(
	assessment: AssessmentRecord,
	membership: Membership
) {
	const db = runtime().db;
	const { voice, statementHistory } = await loadConsultantVoiceWithHistory(db, assessment.id);
	const s = voice.statement;
	const statementForm = await superValidate<ReportStatementForm, VoiceNotice>(
		{
			version: s.version,
			opinion_zh: s.opinion.zh,
			opinion_en: s.opinion.en,
			scope_zh: s.scope.zh,
			scope_en: s.scope.en
		},
		zod4(reportStatementSchema),
		{ id: 'report-statement', errors: false }
	);
	return {
		voice: voice satisfies ConsultantVoice,
		statementHistory,
		statementForm,
		canWriteVoice: canWriteVoice(membership, assessment)
	};
}

/** One gap's observation form, filled with the observation as it stands (or empty, version 0). */
export function gapObservationForm(itemId: string, observation: GapObservation | undefined) {
	return superValidate<GapObservationForm, VoiceNotice>(
		{
			item: itemId,
			version: observation?.version ?? 0,
			text_zh: observation?.text.zh ?? '',
			text_en: observation?.text.en ?? ''
		},
		zod4(gapObservationSchema),
		{ id: observationFormId(itemId), errors: false }
	);
}

export const observationFormId = (itemId: string) => `observation-${itemId}`;

async function requireVoiceWriter(event: RequestEvent<{ orgId: string; assessmentId: string }>) {
	const viewer = await requireWholeAssessment(event);
	if (!canReview(viewer.membership)) error(403, 'Forbidden');
	return viewer;
}

/** Saves the opinion and scope statement: a new version, or a conflict naming the newer one. */
export async function reportStatementAction(
	event: RequestEvent<{ orgId: string; assessmentId: string }>
) {
	const { actor, assessment } = await requireVoiceWriter(event);
	const form = await superValidate<ReportStatementForm, VoiceNotice>(
		event.request,
		zod4(reportStatementSchema),
		{ id: 'report-statement' }
	);
	if (!form.valid) return fail(400, { form });
	const d = form.data;
	const result = await saveReportStatement(runtime().db, actor, {
		assessment,
		expectedVersion: d.version,
		opinion: { zh: d.opinion_zh, en: d.opinion_en },
		scope: { zh: d.scope_zh, en: d.scope_en }
	});
	if (result.ok) form.data.version = result.saved.version;
	return answer(form, result, (s) => [s.opinion.zh, s.opinion.en, s.scope.zh, s.scope.en]);
}

/** Saves one gap's observation (the gap its page names), the same way. */
export async function gapObservationAction(
	event: RequestEvent<{ orgId: string; assessmentId: string; itemId: string }>
) {
	const { actor, assessment } = await requireVoiceWriter(event);
	const form = await superValidate<GapObservationForm, VoiceNotice>(
		event.request,
		zod4(gapObservationSchema),
		{ id: observationFormId(event.params.itemId) }
	);
	if (form.valid && form.data.item !== event.params.itemId) setError(form, 'item', m.obs_not_gap());
	if (!form.valid) return fail(400, { form });
	const d = form.data;
	const result = await saveGapObservation(runtime().db, actor, {
		assessment,
		itemId: d.item,
		expectedVersion: d.version,
		text: { zh: d.text_zh, en: d.text_en }
	});
	if (result.ok) form.data.version = result.saved.version;
	return answer(form, result, (o) => [o.text.zh, o.text.en]);
}

function answer<
	F extends { version: number },
	T extends { version: number; by: string | null; at: string | null }
>(form: SuperValidated<F, VoiceNotice>, result: VoiceSaveResult<T>, texts: (saved: T) => string[]) {
	if (result.ok)
		return message(form, {
			type: 'success',
			text: result.changed ? m.voice_saved({ version: result.saved.version }) : m.voice_unchanged()
		});
	if (result.reason === 'final')
		return message(form, { type: 'error', text: m.voice_err_final() }, { status: 409 });
	if (result.reason === 'not_gap')
		return message(form, { type: 'error', text: m.voice_err_not_gap() }, { status: 400 });
	const { current } = result;
	// The writer's text stays in the form; the next save is made over the version now shown.
	form.data.version = current.version;
	return message(
		form,
		{
			type: 'error',
			text: m.voice_err_conflict({ name: current.by ?? '—', version: current.version }),
			current: { version: current.version, by: current.by, at: current.at, texts: texts(current) }
		},
		{ status: 409 }
	);
}
