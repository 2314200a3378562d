import type { Actor } from '../db/audited';
import type { Database } from '../db/connection';
import { issuedReport } from './issued-report';
import { renderReportFile, type ReportFile, type ReportFileInput } from './render-report-file';

export type { ReportFile, ReportFileInput };

/**
 * The report a reader downloads: a final assessment's as it was issued; a draft's or one in review
 * rendered from what it says now.
 */
export function reportFile(
	db: Database,
	actor: Actor,
	input: ReportFileInput
): Promise<ReportFile> {
	return input.assessment.state === 'final'
		? issuedReport(db, actor, input)
		: renderReportFile(db, input);
}
