import {
	asciiReportFileName,
	reportFileName,
	type ReportFileExt
} from '../../domain/report-file-name';
import type { ReportEdition, ReportLang } from '../../domain/report-text';
import type { Database } from '../db/connection';
import type { AssessmentRecord } from '../db/queries/assessments';
import type { Membership } from '../db/queries/organisations';
import { reportDocx } from './report-docx';
import { reportPdf } from './report-pdf';

export interface ReportFileInput {
	assessment: AssessmentRecord;
	membership: Membership;
	lang: ReportLang;
	edition: ReportEdition;
	format: ReportFileExt;
	/** Print the review comments with the gaps (not unless the reader asks). */
	comments?: boolean;
}

/** A report file ready to send: its bytes, names, an ETag and how it was produced (Server-Timing). */
export interface ReportFile {
	bytes: Uint8Array;
	fileName: string;
	asciiName: string;
	etag: string;
	timing: string;
}

/** The report rendered from the assessment as it stands (PDFs through the shared cache). */
export async function renderReportFile(db: Database, input: ReportFileInput): Promise<ReportFile> {
	if (input.format === 'docx') {
		const { head, bytes, ms, renderer } = await reportDocx(db, input);
		return {
			bytes,
			fileName: reportFileName(head, 'docx'),
			asciiName: asciiReportFileName({ edition: head.edition, date: head.cover.date }, 'docx'),
			etag: '',
			timing: `report;dur=${ms.toFixed(0)};desc="docx-${renderer}"`
		};
	}
	const { head, pdf } = await reportPdf(db, input);
	return {
		bytes: pdf.bytes,
		fileName: reportFileName(head, 'pdf'),
		asciiName: asciiReportFileName({ edition: head.edition, date: head.cover.date }, 'pdf'),
		etag: pdf.key,
		timing:
			pdf.cache === 'hit'
				? 'report;desc="cache"'
				: `report;dur=${pdf.ms.toFixed(0)};desc="${pdf.renderer}"`
	};
}
