import { performance } from 'node:perf_hooks';
import type { ReportEdition, ReportLang } from '../../domain/report-text';
import type { ReportModel } from '../../domain/report-model';
import type { Database } from '../db/connection';
import type { AssessmentRecord } from '../db/queries/assessments';
import type { Membership } from '../db/queries/organisations';
import { renderReportDocx } from '../documents/docx/render-docx';
import { loadReportModel } from './load-report';

/**
 * The gap report as an editable Word file, from the same model as the PDF. Rendered on each request:
 * it takes a fraction of a PDF's time (BENCHMARKS.md), so it needs neither the cache nor the workers.
 */
export async function reportDocx(
	db: Database,
	input: {
		assessment: AssessmentRecord;
		membership: Pick<Membership, 'orgName' | 'orgKind'>;
		lang: ReportLang;
		edition?: ReportEdition;
		comments?: boolean;
	}
): Promise<{ model: ReportModel; bytes: Uint8Array; ms: number }> {
	const model = await loadReportModel(db, input);
	const started = performance.now();
	const bytes = await renderReportDocx(model);
	return { model, bytes, ms: performance.now() - started };
}
