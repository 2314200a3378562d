import { error, type RequestEvent } from '@sveltejs/kit';
import { requireAssessment } from '../guards/assessment';
import { runtime } from '../runtime';
import { actionPlanCsvText, actionPlanWorkbook } from '../../documents/action-plan';
import { loadActionPlan, type ActionPlan } from '../../report/action-plan';
import { actionPlanDisposition } from './content-disposition';
import { requireExportLang } from './report-request';

const TYPES = {
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	csv: 'text/csv; charset=utf-8'
} as const;

/** The action plan route's response, for anyone who may view the assessment; 404 otherwise. */
export async function actionPlanDownload(
	event: RequestEvent<{ orgId: string; assessmentId: string }>,
	format: keyof typeof TYPES
): Promise<Response> {
	const { assessment } = await requireAssessment(
		event,
		event.params.orgId,
		event.params.assessmentId,
		'view',
		{ wholeAssessment: true }
	);
	const lang = requireExportLang(event);
	const plan = await loadActionPlan(runtime().db, {
		orgId: assessment.orgId,
		id: assessment.id,
		lang
	});
	if (!plan) error(404, 'Not found');
	return actionPlanResponse(plan, format);
}

/** An action plan as an XLSX or CSV download (the web's route and the API's). */
export async function actionPlanResponse(
	plan: ActionPlan,
	format: keyof typeof TYPES
): Promise<Response> {
	const body = format === 'xlsx' ? await actionPlanWorkbook(plan) : actionPlanCsvText(plan);
	return new Response(body as BodyInit, {
		headers: {
			'content-type': TYPES[format],
			'content-disposition': actionPlanDisposition(plan, format),
			'cache-control': 'private, no-store'
		}
	});
}
