import type { z } from 'zod';
import type { ProfileQuestion } from '$lib/domain/corpus';
import { assessmentExportSchema } from '$lib/schemas/assessment-export';
import {
	actionPlanQuerySchema,
	answerConflictSchema,
	answerParamsSchema,
	answerSavedSchema,
	assessmentDetailSchema,
	assessmentListSchema,
	assessmentParamsSchema,
	assessmentSummarySchema,
	clientListSchema,
	compareParamsSchema,
	comparisonSchema,
	createAssessmentSchema,
	createClientSchema,
	createdSchema,
	importedSchema,
	importQuerySchema,
	putAnswerSchema,
	questionnaireSchema,
	shelfQuerySchema
} from '$lib/schemas/api';
import { reportQuerySchema } from '$lib/schemas/report';
import { packQuerySchema } from '$lib/schemas/pack';
import {
	evidenceFileListSchema,
	evidenceFileParamsSchema,
	evidenceUploadedSchema,
	evidenceUploadFormSchema
} from '$lib/schemas/api-evidence';
import { putScheduleSchema } from '$lib/schemas/api-schedule';
import { packConflictSchema, packFormSchema, putPackSchema } from '$lib/schemas/api-pack';
import { currentQuestionnaire } from '../../corpus';

/** One endpoint of /api/v1: what it takes and answers. Handlers validate with it; the docs print it. */
export interface RouteSpec {
	method: 'get' | 'post' | 'put';
	/** OpenAPI path below /api/v1, parameters as {name}. */
	path: string;
	summary: string;
	/** false for the one public route, the OpenAPI document itself. */
	auth?: false;
	params?: z.ZodObject;
	query?: z.ZodObject;
	body?: z.ZodType;
	/** A multipart/form-data body the handler streams itself (documented, not parsed up front). */
	multipart?: z.ZodType;
	success: { status: 200 | 201; description: string; json?: z.ZodType; media?: string };
	/** Failures besides 401 (and 400 for anything with input) this route may answer. */
	errors: readonly (404 | 409 | 413 | 422 | 429 | 503)[];
	/** The body of a 409, when it says more than the error. */
	conflict?: z.ZodType;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const route = <T extends RouteSpec>(spec: T): T => spec;

/** The routes, built for the current questionnaire's profile questions (the profile's schema). */
export function buildApiRoutes(questions: readonly ProfileQuestion[]) {
	return {
		getQuestionnaire: route({
			method: 'get',
			path: '/questionnaire',
			summary: 'The current questionnaire version and its items',
			success: { status: 200, description: 'The questionnaire', json: questionnaireSchema },
			errors: []
		}),
		listClients: route({
			method: 'get',
			path: '/clients',
			summary: 'The organisation’s clients, by name',
			query: shelfQuerySchema,
			success: { status: 200, description: 'The clients', json: clientListSchema },
			errors: []
		}),
		createClient: route({
			method: 'post',
			path: '/clients',
			summary: 'Add a client',
			body: createClientSchema,
			success: { status: 201, description: 'The new client’s id', json: createdSchema },
			errors: [413]
		}),
		listAssessments: route({
			method: 'get',
			path: '/assessments',
			summary: 'The organisation’s assessments, newest first',
			query: shelfQuerySchema,
			success: { status: 200, description: 'The assessments', json: assessmentListSchema },
			errors: []
		}),
		createAssessment: route({
			method: 'post',
			path: '/assessments',
			summary: 'Start an assessment, from a profile or from a previous assessment',
			body: createAssessmentSchema(questions),
			success: { status: 201, description: 'The new assessment’s id', json: createdSchema },
			errors: [404, 409, 413]
		}),
		getAssessment: route({
			method: 'get',
			path: '/assessments/{id}',
			summary: 'An assessment: profile, answers and result (the CLI’s result.json)',
			params: assessmentParamsSchema,
			success: { status: 200, description: 'The assessment', json: assessmentDetailSchema },
			errors: [404]
		}),
		putSchedule: route({
			method: 'put',
			path: '/assessments/{id}/schedule',
			summary: 'Set the assessment’s due date and responsible consultant (an owner or consultant)',
			params: assessmentParamsSchema,
			body: putScheduleSchema,
			success: {
				status: 200,
				description: 'The assessment, with its schedule',
				json: assessmentSummarySchema
			},
			errors: [404, 413]
		}),
		putAnswer: route({
			method: 'put',
			path: '/assessments/{id}/answers/{item_id}',
			summary: 'Answer an item; a stale `version` is refused with the current answer',
			params: answerParamsSchema,
			body: putAnswerSchema,
			success: { status: 200, description: 'Saved, with its new version', json: answerSavedSchema },
			errors: [404, 409, 413],
			conflict: answerConflictSchema
		}),
		getReportPdf: route({
			method: 'get',
			path: '/assessments/{id}/report.pdf',
			summary: 'The gap report as PDF',
			params: assessmentParamsSchema,
			query: reportQuerySchema,
			success: { status: 200, description: 'The report', media: 'application/pdf' },
			errors: [404, 422, 429, 503]
		}),
		getReportDocx: route({
			method: 'get',
			path: '/assessments/{id}/report.docx',
			summary:
				'The gap report as an editable Word file (a final assessment’s as issued, like the PDF)',
			params: assessmentParamsSchema,
			query: reportQuerySchema,
			success: { status: 200, description: 'The report', media: DOCX },
			errors: [404, 422, 429, 503]
		}),
		getPackDocx: route({
			method: 'get',
			path: '/assessments/{id}/pack.docx',
			summary:
				'The filing pack (draft sandbox application) as an editable Word file, rendered within the organisation’s render slots (429 with Retry-After when none is free); `edition=public` leaves out what is confidential',
			params: assessmentParamsSchema,
			query: packQuerySchema,
			success: { status: 200, description: 'The filing pack', media: DOCX },
			errors: [404, 429]
		}),
		getPackForm: route({
			method: 'get',
			path: '/assessments/{id}/pack',
			summary: 'The filing pack’s form (what the product cannot know) and its version',
			params: assessmentParamsSchema,
			success: { status: 200, description: 'The pack form', json: packFormSchema },
			errors: [404]
		}),
		putPackForm: route({
			method: 'put',
			path: '/assessments/{id}/pack',
			summary:
				'Save the filing pack’s form (owners, consultants, respondents reaching the whole assessment); a stale `version` is refused with the current form',
			params: assessmentParamsSchema,
			body: putPackSchema,
			success: { status: 200, description: 'Saved, with its new version', json: packFormSchema },
			errors: [404, 409, 413],
			conflict: packConflictSchema
		}),
		getPackPdf: route({
			method: 'get',
			path: '/assessments/{id}/pack.pdf',
			summary:
				'The filing pack (draft sandbox application) as PDF, rendered within the organisation’s render slots (429 with Retry-After when none is free)',
			params: assessmentParamsSchema,
			query: packQuerySchema,
			success: { status: 200, description: 'The filing pack', media: 'application/pdf' },
			errors: [404, 429]
		}),
		getActionPlanXlsx: route({
			method: 'get',
			path: '/assessments/{id}/action-plan.xlsx',
			summary: 'The action plan as XLSX',
			params: assessmentParamsSchema,
			query: actionPlanQuerySchema,
			success: { status: 200, description: 'The action plan', media: XLSX },
			errors: [404]
		}),
		getActionPlanCsv: route({
			method: 'get',
			path: '/assessments/{id}/action-plan.csv',
			summary: 'The action plan as CSV (UTF-8 with BOM)',
			params: assessmentParamsSchema,
			query: actionPlanQuerySchema,
			success: { status: 200, description: 'The action plan', media: 'text/csv' },
			errors: [404]
		}),
		exportAssessment: route({
			method: 'get',
			path: '/assessments/{id}/export',
			summary: 'The assessment as a JSON document that import restores',
			params: assessmentParamsSchema,
			success: { status: 200, description: 'The export', json: assessmentExportSchema },
			errors: [404]
		}),
		importAssessment: route({
			method: 'post',
			path: '/assessments/import',
			summary: 'Restore an exported assessment as a new draft, with the same answers',
			query: importQuerySchema,
			body: assessmentExportSchema,
			success: { status: 201, description: 'The new assessment’s id', json: importedSchema },
			// 409: the client chosen is archived (client_archived).
			errors: [404, 409, 413]
		}),
		compareAssessments: route({
			method: 'get',
			path: '/assessments/{id}/compare/{other_id}',
			summary: 'Compare two assessments of one client: per domain and per item, the earlier first',
			params: compareParamsSchema,
			success: { status: 200, description: 'The comparison', json: comparisonSchema },
			errors: [404]
		}),
		listEvidence: route({
			method: 'get',
			path: '/assessments/{id}/answers/{item_id}/evidence',
			summary: 'The evidence files of an answer, every version',
			params: answerParamsSchema,
			success: { status: 200, description: 'The files', json: evidenceFileListSchema },
			errors: [404]
		}),
		uploadEvidence: route({
			method: 'post',
			path: '/assessments/{id}/answers/{item_id}/evidence',
			summary:
				'Upload evidence files to an answer (multipart/form-data); answers each file’s SHA-256',
			params: answerParamsSchema,
			multipart: evidenceUploadFormSchema,
			success: { status: 201, description: 'The files stored', json: evidenceUploadedSchema },
			errors: [404, 409, 413]
		}),
		downloadEvidence: route({
			method: 'get',
			path: '/assessments/{id}/evidence/{file_id}',
			summary: 'One evidence file’s bytes, as an attachment',
			params: evidenceFileParamsSchema,
			success: { status: 200, description: 'The file', media: 'application/octet-stream' },
			errors: [404]
		}),
		getOpenApi: route({
			method: 'get',
			path: '/openapi.json',
			summary: 'This document',
			auth: false,
			success: { status: 200, description: 'OpenAPI 3.1' },
			errors: []
		})
	};
}

export type ApiRoutes = ReturnType<typeof buildApiRoutes>;

let built: { hash: string; routes: ApiRoutes } | null = null;

/** The routes for the current questionnaire, built once per version. */
export function apiRoutes(): ApiRoutes {
	const { hash, corpus } = currentQuestionnaire();
	if (built?.hash !== hash) built = { hash, routes: buildApiRoutes(corpus.profileQuestions) };
	return built.routes;
}
