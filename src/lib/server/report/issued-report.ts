import { createHash } from 'node:crypto';
import { asciiReportFileName } from '../../domain/report-file-name';
import { audited, type Actor } from '../db/audited';
import type { Database } from '../db/connection';
import type { AssessmentRecord } from '../db/queries/assessments';
import {
	findIssuedReportEntry,
	insertIssuedReport,
	readIssuedReportBytes,
	type IssuedReport,
	type IssuedVariant
} from '../db/queries/issued-reports';
import type { Membership } from '../db/queries/organisations';
import { logger } from '../logger';
import { shanghaiDate } from './load-report';
import { renderReportFile, type ReportFile, type ReportFileInput } from './render-report-file';

/**
 * The variants issued when an assessment is finalised: the summary edition, the report a board
 * reads and a consultant signs, in each language and both formats — six files, three of them PDFs
 * (about a second of rendering). The full edition (working papers: every answer, the profile) is
 * issued the first time someone downloads it, and kept as issued from then on.
 */
export const ISSUED_AT_FINALISE: readonly Omit<IssuedVariant, 'comments'>[] = (
	['zh', 'en', 'both'] as const
).flatMap((lang) =>
	(['pdf', 'docx'] as const).map((format) => ({ format, lang, edition: 'summary' as const }))
);

function served(report: IssuedReport): ReportFile {
	return {
		bytes: report.bytes,
		fileName: report.fileName,
		asciiName: asciiReportFileName(
			{ edition: report.edition, date: report.issuedOn },
			report.format
		),
		etag: report.sha256,
		timing: 'report;desc="issued"'
	};
}

/**
 * Issued bytes this process has read or written, by issue id and SHA-256, newest last. An issue's
 * bytes never change (re-opening supersedes the row, and the current row is looked up on every
 * request), so a copy is never stale; it saves reading the file out of the database again, which
 * is most of a re-download's time (1.2 MB of bytea took ~100 ms through PGlite). Bounded in bytes.
 */
const issuedBytes = new Map<string, Uint8Array>();
let issuedBytesHeld = 0;
export const ISSUED_BYTES_LIMIT = 64 * 1024 * 1024;

function keepIssuedBytes(key: string, bytes: Uint8Array): void {
	if (bytes.byteLength > ISSUED_BYTES_LIMIT / 4 || issuedBytes.has(key)) return;
	issuedBytes.set(key, bytes);
	issuedBytesHeld += bytes.byteLength;
	for (const [oldest, held] of issuedBytes) {
		if (issuedBytesHeld <= ISSUED_BYTES_LIMIT) break;
		issuedBytes.delete(oldest);
		issuedBytesHeld -= held.byteLength;
	}
}

/** The current issue of a variant with its bytes, from memory when this process has them. */
async function findIssuedReport(
	db: Database,
	scope: Parameters<typeof findIssuedReportEntry>[1]
): Promise<IssuedReport | null> {
	const entry = await findIssuedReportEntry(db, scope);
	if (!entry) return null;
	const key = `${entry.id}:${entry.sha256}`;
	const kept = issuedBytes.get(key);
	if (kept) {
		// Most recently used last.
		issuedBytes.delete(key);
		issuedBytes.set(key, kept);
		return { ...entry, bytes: kept };
	}
	const bytes = await readIssuedReportBytes(db, entry.id);
	if (!bytes) return null;
	keepIssuedBytes(key, bytes);
	return { ...entry, bytes };
}

/**
 * A final assessment's report exactly as it was issued: the stored bytes, whatever renderer runs
 * now. A variant not issued yet (the full edition, or an assessment finalised before reports were
 * kept) is rendered once, stored with its SHA-256 and date, and audited as `report.issued`; two
 * requests racing keep the first.
 */
export async function issuedReport(
	db: Database,
	actor: Actor,
	input: ReportFileInput
): Promise<ReportFile> {
	const { assessment, format, lang, edition } = input;
	const comments = input.comments === true;
	const scope = {
		orgId: assessment.orgId,
		assessmentId: assessment.id,
		format,
		lang,
		edition,
		comments
	};
	const found = await findIssuedReport(db, scope);
	if (found) return served(found);
	const rendered = await renderReportFile(db, input);
	const report: IssuedReport = {
		format,
		lang,
		edition,
		comments,
		fileName: rendered.fileName,
		bytes: rendered.bytes,
		sha256: createHash('sha256').update(rendered.bytes).digest('hex'),
		issuedOn: shanghaiDate(new Date())
	};
	const stored = await audited(db, actor, async (tx) => {
		if (!(await insertIssuedReport(tx, scope, report))) return false;
		tx.record({
			action: 'report.issued',
			orgId: assessment.orgId,
			entity: { type: 'assessment', id: assessment.id },
			assessmentId: assessment.id,
			after: {
				format,
				lang,
				edition,
				comments,
				fileName: report.fileName,
				sha256: report.sha256,
				size: report.bytes.byteLength,
				issuedOn: report.issuedOn
			}
		});
		return true;
	});
	return served(stored ? report : ((await findIssuedReport(db, scope)) ?? report));
}

/**
 * Issues the summary edition in every language and format, just after finalising, with the review
 * comments when the consultant chose so (`comments`; the other variant is issued at its first
 * download). A variant that fails here (a report over the page budget, a busy renderer) is issued
 * at its first download.
 */
export async function issueFinalReports(
	db: Database,
	actor: Actor,
	input: { assessment: AssessmentRecord; membership: Membership; comments?: boolean }
): Promise<void> {
	const comments = input.comments === true;
	for (const variant of ISSUED_AT_FINALISE)
		await issuedReport(db, actor, { ...input, ...variant, comments }).catch((error: unknown) =>
			logger.warn(
				{ err: error, assessmentId: input.assessment.id, ...variant },
				'report not issued at finalising: it will be at its first download'
			)
		);
}
