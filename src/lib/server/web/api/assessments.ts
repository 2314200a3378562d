import type { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import type { Profile } from '$lib/domain/profile';
import { firmIdentityJson, IDENTITY_FIELDS } from '$lib/domain/identity';
import { answerProblemText } from '$lib/labels/assessment';
import type { AssessmentExport } from '$lib/schemas/assessment-export';
import type {
	assessmentDetailSchema,
	assessmentSummarySchema,
	putAnswerSchema
} from '$lib/schemas/api';
import {
	loadAssessmentView,
	saveAnswer,
	startAssessment,
	UnknownClientError
} from '../../assessments/service';
import type { Lang } from '$lib/domain/corpus';
import { startFromPrevious } from '../../assessments/history';
import { loadActionPlan } from '../../report/action-plan';
import { actionPlanResponse } from '../downloads/action-plan';
import { importAssessment } from '../../assessments/transfer';
import { findAssessment, type AssessmentRecord } from '../../db/queries/assessments';
import { findClient } from '../../db/queries/clients';
import type { StoredAnswer } from '../../db/queries/answers';
import type { ApiContext } from './endpoint';
import { ApiError, invalidFields, notFound } from './http';

/** The organisation's assessment, or 404: another organisation's is never revealed. */
export async function requireApiAssessment(api: ApiContext, id: string): Promise<AssessmentRecord> {
	const assessment = await findAssessment(api.db, { orgId: api.membership.orgId, id });
	if (!assessment) throw notFound();
	return assessment;
}

export function assessmentSummaryJson(
	a: AssessmentRecord
): z.input<typeof assessmentSummarySchema> {
	return {
		id: a.id,
		title: a.title,
		client_id: a.clientId,
		state: a.state,
		due_date: a.dueDate,
		responsible_user_id: a.responsibleUserId,
		created_at: new Date(a.createdAt).toISOString(),
		updated_at: new Date(a.updatedAt).toISOString(),
		...shelfTimesJson(a)
	};
}

export function shelfTimesJson(r: { archivedAt: Date | null; deletedAt: Date | null }) {
	return {
		archived_at: r.archivedAt && new Date(r.archivedAt).toISOString(),
		deleted_at: r.deletedAt && new Date(r.deletedAt).toISOString()
	};
}

function answerJson(a: StoredAnswer) {
	return {
		status: a.status,
		note: a.note,
		evidence: a.evidence,
		owner: a.owner,
		due: a.due,
		version: a.version
	};
}

export async function assessmentDetailJson(
	api: ApiContext,
	assessment: AssessmentRecord
): Promise<z.input<typeof assessmentDetailSchema>> {
	const { answers, identity, profile, evaluation } = await loadAssessmentView(api.db, assessment);
	return {
		id: assessment.id,
		title: assessment.title,
		client_id: assessment.clientId,
		state: assessment.state,
		due_date: assessment.dueDate,
		responsible_user_id: assessment.responsibleUserId,
		questionnaire_version: assessment.versionHash,
		firm: firmIdentityJson(identity),
		profile,
		answers: Object.fromEntries(answers.map((a) => [a.itemId, answerJson(a)])),
		result: evaluation.result
	};
}

/**
 * Starts an assessment from a profile; an unknown client is a field error, not a 500. The
 * profile's registered name and business scope are saved to the firm's one record (the client, or
 * the organisation), as the profile form saves them; without a title it is named after the firm.
 */
export async function startApiAssessment(
	api: ApiContext,
	input: {
		clientId: string | null;
		title: string | undefined;
		profile: Profile;
		confirmIdentityChange?: boolean;
	}
): Promise<{ id: string }> {
	if (input.clientId && !input.confirmIdentityChange) {
		// The client's record is shared by all its assessments: a profile that says otherwise would
		// rewrite it for every one of them. The web asks first; the API refuses unless told to.
		const client = await findClient(api.db, { orgId: api.membership.orgId, id: input.clientId });
		if (!client) throw unknownClient();
		if (client.archivedAt) throw clientArchived();
		const stored = { registered_name: client.registeredName, business_scope: client.businessScope };
		const differs = IDENTITY_FIELDS.filter((field) => {
			const given = input.profile[field];
			const current = stored[field]?.trim() ?? '';
			return typeof given === 'string' && current !== '' && given.trim() !== current;
		});
		if (differs.length > 0)
			throw new ApiError(
				409,
				'client_identity_differs',
				m.sec_api_err_identity_differs(),
				Object.fromEntries(
					differs.map((field) => [
						`profile.${field}`,
						m.sec_api_field_identity_differs({ current: stored[field] ?? '' })
					])
				)
			);
	}
	try {
		const id = await startAssessment(api.db, api.actor, {
			orgId: api.membership.orgId,
			title: input.title,
			profile: input.profile,
			clientId: input.clientId
		});
		return { id };
	} catch (error) {
		if (error instanceof UnknownClientError)
			throw error.reason === 'archived' ? clientArchived() : unknownClient();
		throw error;
	}
}

/** A new assessment under an archived client: refused, naming the field, until it is restored. */
export const clientArchived = () =>
	new ApiError(409, 'client_archived', m.clients_lifecycle_api_err_archived(), {
		client_id: m.clients_lifecycle_api_field_archived()
	});

export const unknownClient = () =>
	new ApiError(404, 'unknown_client', m.api_err_unknown_client(), {
		client_id: m.api_field_unknown_client()
	});

/**
 * Saves one answer through the app's own saveAnswer (versions, audit log, one transaction that has
 * committed before this returns). A missing version means a first answer.
 */
export async function putApiAnswer(
	api: ApiContext,
	assessment: AssessmentRecord,
	itemId: string,
	body: z.output<typeof putAnswerSchema>
): Promise<{ version: number }> {
	if (assessment.state === 'final')
		throw new ApiError(409, 'assessment_final', m.api_err_assessment_final());
	const result = await saveAnswer(api.db, api.actor, {
		assessment,
		itemId,
		expectedVersion: body.version ?? 0,
		values: {
			status: body.status,
			note: body.note ?? '',
			evidence: typeof body.evidence === 'string' ? [body.evidence] : (body.evidence ?? []),
			owner: body.owner ?? null,
			due: body.due ?? null
		}
	});
	if (result.ok) return { version: result.version };
	if (result.reason === 'not_applicable_item')
		throw new ApiError(404, 'unknown_item', m.api_err_unknown_item({ item: itemId }));
	if (result.reason === 'final')
		throw new ApiError(409, 'assessment_final', m.api_err_assessment_final());
	if (result.reason === 'invalid') {
		const fields = Object.fromEntries(result.problems.map((p) => [p.field, answerProblemText(p)]));
		throw invalidFields('invalid_body', fields);
	}
	throw new ApiError(409, 'version_conflict', m.api_err_version_conflict(), undefined, {
		current: result.current ? answerJson(result.current) : null
	});
}

/** The next assessment from a previous one of the organisation (answers carried over), or 404. */
export async function startApiAssessmentFrom(
	api: ApiContext,
	input: { previousId: string; title: string | undefined }
): Promise<{ id: string }> {
	const id = await startFromPrevious(api.db, api.actor, {
		orgId: api.membership.orgId,
		previousId: input.previousId,
		title: input.title
	});
	if (!id)
		throw new ApiError(404, 'not_found', m.api_err_unknown_assessment(), {
			from_assessment_id: m.api_field_unknown_assessment()
		});
	return { id };
}

/** Restores an export as a new draft; every problem is a 400 naming its JSON path. */
export async function importApiAssessment(
	api: ApiContext,
	input: {
		clientId: string | null;
		data: AssessmentExport;
		confirmOtherClient?: boolean;
		otherClient?: 'strip' | 'keep';
	}
): Promise<{
	id: string;
	evidence_not_restored: { item_id: string; file_name: string; sha256: string }[];
}> {
	const result = await importAssessment(api.db, api.actor, {
		orgId: api.membership.orgId,
		clientId: input.clientId,
		confirmOtherClient: input.confirmOtherClient ?? false,
		otherClient: input.otherClient,
		data: input.data
	});
	if (result.ok)
		return {
			id: result.id,
			evidence_not_restored: result.evidenceNotRestored.map((f) => ({
				item_id: f.itemId,
				file_name: f.fileName,
				sha256: f.sha256
			}))
		};
	if (result.issues.some((i) => 'archived' in i)) throw clientArchived();
	if (result.issues.some((i) => i.path === 'clientId')) throw unknownClient();
	throw invalidFields(
		'invalid_body',
		Object.fromEntries(result.issues.map((i) => [i.path, i.message]))
	);
}

/** The action plan of the organisation's assessment as a download, or 404. */
export async function actionPlanDownloadApi(
	api: ApiContext,
	input: { id: string; lang: Lang; format: 'xlsx' | 'csv' }
): Promise<Response> {
	const plan = await loadActionPlan(api.db, {
		orgId: api.membership.orgId,
		id: input.id,
		lang: input.lang
	});
	if (!plan) throw notFound();
	return actionPlanResponse(plan, input.format);
}
