import type { ReportEdition, ReportLang } from '../../domain/report-text';
import type { ReportModel } from '../../domain/report-model';
import type { Database } from '../db/connection';
import type { AssessmentRecord } from '../db/queries/assessments';
import type { Membership } from '../db/queries/organisations';
import { loadReportModel } from './load-report';
import { cachedReportPdf } from './report-cache';
import { renderPool } from '../documents/pdf/worker-pool';

/** The gap report as PDF bytes, from the cache or rendered off the request thread. */
export async function reportPdf(
	db: Database,
	input: {
		assessment: AssessmentRecord;
		membership: Membership;
		lang: ReportLang;
		edition?: ReportEdition;
	}
): Promise<{ model: ReportModel; pdf: Awaited<ReturnType<typeof cachedReportPdf>> }> {
	const model = await loadReportModel(db, input);
	const pool = renderPool();
	const pdf = await cachedReportPdf(db, { assessmentId: input.assessment.id, model }, (m) =>
		pool.render(m)
	);
	return { model, pdf };
}
