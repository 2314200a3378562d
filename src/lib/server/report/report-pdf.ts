import type { ReportEdition, ReportLang } from '../../domain/report-text';
import type { Database } from '../db/connection';
import type { AssessmentRecord } from '../db/queries/assessments';
import type { Membership } from '../db/queries/organisations';
import { estimateTypedTextPages, TYPED_TEXT_PAGE_BUDGET } from '../documents/pdf/page-budget';
import { loadReportModel } from './load-report';
import { cachedReportPdf } from './report-cache';
import { findCachedReport } from '../db/queries/report-cache';
import { draftReportKey } from './draft-report-key';
import { renderPool } from '../documents/pdf/worker-pool';

/** What a report file's name is made of: known from the cache key, without the model. */
export interface ReportHead {
	lang: ReportLang;
	edition: ReportEdition;
	cover: { firm: string; date: string };
}

/**
 * The gap report as PDF bytes, from the cache or rendered off the request thread. The cache is
 * looked up by a key made without the report model (draftReportKey): a re-download builds no model.
 */
export async function reportPdf(
	db: Database,
	input: {
		assessment: AssessmentRecord;
		membership: Membership;
		lang: ReportLang;
		edition?: ReportEdition;
		comments?: boolean;
	}
): Promise<{ head: ReportHead; pdf: Awaited<ReturnType<typeof cachedReportPdf>> }> {
	const edition = input.edition ?? 'summary';
	const draft = await draftReportKey(db, { ...input, edition });
	const head = { lang: input.lang, edition, cover: { firm: draft.firm, date: draft.date } };
	const cached = await findCachedReport(db, draft.key);
	if (cached) return { head, pdf: { bytes: cached, key: draft.key, cache: 'hit' } };
	// The model is built once a render slot is held: twelve different reports asked for at once
	// otherwise all built theirs on the request thread before most were refused (/healthz 3.1 s).
	const model = async () => {
		const built = await loadReportModel(db, input);
		const typed = estimateTypedTextPages(built);
		if (typed.pages > TYPED_TEXT_PAGE_BUDGET)
			throw new ReportTooLong(
				typed.pages,
				TYPED_TEXT_PAGE_BUDGET,
				typed.longest.map((i) => i.itemId)
			);
		return built;
	};
	const pool = renderPool();
	const pdf = await cachedReportPdf(
		db,
		{ assessmentId: input.assessment.id, orgId: input.assessment.orgId, model, key: draft.key },
		(m) => pool.render(m)
	);
	return { head, pdf };
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
