import { fail, redirect } from '@sveltejs/kit';
import { findingQuotes } from '$lib/domain/findings';
import { message, setError, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { ProfileQuestion } from '$lib/domain/corpus';
import type { Profile } from '$lib/domain/profile';
import { m } from '$lib/paraglide/messages';
import { profileContradictions } from '$lib/domain/profile-checks';
import { contradictionReason } from '$lib/labels/bank';
import { local } from '$lib/labels/assessment';
import { profileSchema } from '$lib/schemas/assessment';
import { requireAssessment } from '$lib/server/web/guards/assessment';
import { assessmentCorpus, saveProfile } from '$lib/server/assessments/service';
import { readFirmIdentity } from '$lib/server/identity/service';
import { profileWithIdentity, type FirmIdentity } from '$lib/domain/identity';
import { runtime } from '$lib/server/web/runtime';
import type { FormNotice } from '$lib/forms';
import type { Actions, PageServerLoad } from './$types';

/** Stored profile and the firm's identity → form fields (all text, booleans as "true"/"false"). */
function toFormData(
	questions: readonly ProfileQuestion[],
	scope: Profile,
	identity: FirmIdentity,
	version: number
) {
	const profile = profileWithIdentity(scope, identity);
	const data: Record<string, unknown> = {
		version,
		was_registered_name: identity.registeredName ?? '',
		was_business_scope: identity.businessScope ?? ''
	};
	for (const q of questions) {
		const v = profile[q.id];
		data[q.id] =
			q.kind === 'multi'
				? Array.isArray(v)
					? v
					: []
				: typeof v === 'boolean'
					? String(v)
					: typeof v === 'string'
						? v
						: '';
	}
	return data;
}

/** Form fields → stored profile. */
function toProfile(questions: readonly ProfileQuestion[], data: Record<string, unknown>): Profile {
	const profile: Profile = {};
	for (const q of questions) {
		const v = data[q.id];
		if (q.kind === 'boolean') profile[q.id] = v === 'true' ? true : v === 'false' ? false : null;
		else if (q.kind === 'multi') profile[q.id] = Array.isArray(v) ? v.map(String) : [];
		else profile[q.id] = typeof v === 'string' && v !== '' ? v : null;
	}
	return profile;
}

export const load: PageServerLoad = async (event) => {
	const { assessment, membership } = await requireAssessment(
		event,
		event.params.orgId,
		event.params.assessmentId,
		'view',
		{ wholeAssessment: true }
	);
	const db = runtime().db;
	const corpus = await assessmentCorpus(db, assessment);
	const identity = await readFirmIdentity(db, assessment);
	const schema = profileSchema(corpus.profileQuestions);
	const form = await superValidate<Record<string, unknown>, FormNotice>(
		toFormData(corpus.profileQuestions, assessment.profile, identity, assessment.profileVersion),
		zod4(schema),
		{ errors: false }
	);
	return {
		form,
		/** Where the registered name and business scope are kept, for the hint beside them. */
		identitySource: identity.source,
		/** A respondent answers the profile but does not keep the client's record. */
		identityReadOnly: membership.role === 'respondent',
		identityName: identity.name,
		questions: corpus.profileQuestions,
		restrictedTerms: corpus.restrictedTerms,
		provisions: findingQuotes(
			corpus.provisions.filter((p) =>
				corpus.restrictedTerms.some((t) => t.provisions.includes(p.id))
			)
		),
		sources: Object.fromEntries(
			corpus.sources.map((s) => [s.id, { zh: s.title_zh, en: s.title_en }])
		),
		conflicts: corpus.conflicts
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { assessment, actor, membership } = await requireAssessment(
			event,
			event.params.orgId,
			event.params.assessmentId,
			'edit',
			{ wholeAssessment: true }
		);
		const db = runtime().db;
		const corpus = await assessmentCorpus(db, assessment);
		const form = await superValidate<Record<string, unknown>, FormNotice>(
			event.request,
			zod4(profileSchema(corpus.profileQuestions))
		);
		if (!form.valid) return fail(400, { form });
		const profile = toProfile(corpus.profileQuestions, form.data);
		const label = (id: string) => {
			const q = corpus.profileQuestions.find((x) => x.id === id);
			return q ? local(q.label) : id;
		};
		for (const c of profileContradictions(profile)) {
			const text = m.bank_profile_contradiction({
				first: label(c.fields[0]),
				second: label(c.fields[1]),
				why: contradictionReason(c.code)
			});
			for (const field of c.fields) setError(form, field, text);
		}
		if (!form.valid) return fail(400, { form });
		// The registered name and business scope are the client's record, read by every assessment of
		// the client, some beyond a respondent's reach: a respondent answers the profile, not those.
		if (membership.role === 'respondent') {
			for (const field of ['registered_name', 'business_scope'] as const) {
				const was = String(form.data[`was_${field}`] ?? '').trim();
				if (String(form.data[field] ?? '').trim() !== was)
					setError(form, field, m.identity_respondent_cannot_change());
			}
			if (!form.valid) return fail(403, { form });
		}
		const result = await saveProfile(db, actor, {
			assessment,
			profile,
			expectedVersion: Number(form.data.version),
			identityAsLoaded: {
				registered_name: String(form.data.was_registered_name ?? ''),
				business_scope: String(form.data.was_business_scope ?? '')
			}
		});
		if (!result.ok) {
			const text =
				result.reason === 'final' ? m.clients_err_final_locked() : m.err_profile_conflict();
			return message(form, { type: 'error', text }, { status: 409 });
		}
		if (assessment.profileVersion === 0)
			redirect(303, `/o/${assessment.orgId}/assessments/${assessment.id}/questionnaire`);
		form.data.version = result.version;
		// The record may hold a newer value than this form did for a field left unchanged.
		const identity = await readFirmIdentity(db, assessment);
		form.data.registered_name = form.data.was_registered_name = identity.registeredName ?? '';
		form.data.business_scope = form.data.was_business_scope = identity.businessScope ?? '';
		return message(form, { type: 'success', text: m.profile_saved() });
	}
};
