import type { ReportEdition, ReportLang } from '../../domain/report-text';
import type { Database } from '../db/connection';
import type { AssessmentRecord } from '../db/queries/assessments';
import type { Membership } from '../db/queries/organisations';
import { renderPool, type Rendered } from '../documents/pdf/worker-pool';
import { renderInOrgSlot } from '../pack/pack-render';
import { draftReportKey } from './draft-report-key';
import { loadReportModel } from './load-report';
import type { ReportHead } from './report-pdf';

/**
 * The gap report as an editable Word file, from the same model as the PDF. Rendered on each request
 * (it takes a fraction of a PDF's time: BENCHMARKS.md, so nothing is cached), but like the PDF on
 * the report workers and within the organisation's render slots (ReportBusy 'org_full' when none is
 * free), the slot claimed before the model is built: on the request thread, a few downloads at once
 * held up every other request, /healthz included. The same report asked for at once is built once.
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
): Promise<{ head: ReportHead; bytes: Uint8Array; ms: number; renderer: Rendered['renderer'] }> {
	const edition = input.edition ?? 'summary';
	const draft = await draftReportKey(db, { ...input, edition });
	const head = { lang: input.lang, edition, cover: { firm: draft.firm, date: draft.date } };
	const rendered = await renderInOrgSlot(
		db,
		{ orgId: input.assessment.orgId, kind: 'report-docx', key: draft.key },
		async () => renderPool().renderReportDocx(await loadReportModel(db, { ...input, edition }))
	);
	return { head, bytes: rendered.bytes, ms: rendered.ms, renderer: rendered.renderer };
}
