import { actionPlanHeader, actionPlanRows } from '../../domain/action-plan';
import type { Lang } from '../../domain/corpus';
import { inlineText } from '../../domain/report-text';
import { m } from '../../paraglide/messages';
import type { Database } from '../db/connection';
import { findAssessment } from '../db/queries/assessments';
import { findOrganisation } from '../db/queries/organisations';
import { loadReportModel } from './load-report';
import { actionPlanCsvText, actionPlanWorkbook, type ActionPlan } from '../documents/action-plan';

export type { ActionPlan };

type ActionPlanQuery = { orgId: string; id: string; lang: Lang };

/** The action plan of the report, in one language; null when the assessment is not the org's. */
export async function loadActionPlan(
	db: Database,
	{ orgId, id, lang }: ActionPlanQuery
): Promise<ActionPlan | null> {
	const assessment = await findAssessment(db, { orgId, id });
	const org = assessment && (await findOrganisation(db, orgId));
	if (!assessment || !org) return null;
	const model = await loadReportModel(db, {
		assessment,
		membership: { orgName: org.name, orgKind: org.kind },
		lang
	});
	return {
		firm: model.cover.firm,
		date: model.cover.date,
		title: inlineText(model.labels.actionPlan),
		header: actionPlanHeader(model, m.exports_col_finding({}, { locale: lang })),
		rows: actionPlanRows(model)
	};
}

export async function actionPlanXlsx(
	db: Database,
	query: ActionPlanQuery
): Promise<Uint8Array | null> {
	const plan = await loadActionPlan(db, query);
	return plan ? actionPlanWorkbook(plan) : null;
}

export async function actionPlanCsv(db: Database, query: ActionPlanQuery): Promise<string | null> {
	const plan = await loadActionPlan(db, query);
	return plan ? actionPlanCsvText(plan) : null;
}
