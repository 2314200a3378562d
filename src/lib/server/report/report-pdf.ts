import type { ReportEdition, ReportLang } from '../../domain/report-text';
import type { ReportModel } from '../../domain/report-model';
import type { Database } from '../db/connection';
import type { AssessmentRecord } from '../db/queries/assessments';
import type { Membership } from '../db/queries/organisations';
import { estimateTypedTextPages, TYPED_TEXT_PAGE_BUDGET } from '../documents/pdf/page-budget';
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
	const typed = estimateTypedTextPages(model);
	if (typed.pages > TYPED_TEXT_PAGE_BUDGET)
		throw new ReportTooLong(
			typed.pages,
			TYPED_TEXT_PAGE_BUDGET,
			typed.longest.map((i) => i.itemId)
		);
	const pool = renderPool();
	const pdf = await cachedReportPdf(
		db,
		{ assessmentId: input.assessment.id, orgId: input.assessment.orgId, model },
		(m) => pool.render(m)
	);
	return { model, pdf };
}

/** A report whose typed text would fill more pages than the budget: refused before rendering. */
export class ReportTooLong extends Error {
	constructor(
		readonly pages: number,
		readonly budget: number,
		/** The items whose notes, evidence and owners take the most room, longest first. */
		readonly longestItems: string[]
	) {
		super(`the typed text would fill about ${pages} pages, over the budget of ${budget}`);
	}
}
