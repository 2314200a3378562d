import type { AuditedTx } from '../audited';
import type { Database } from '../connection';
import type { IssuedReportsTable } from '../schema';

export type IssuedVariant = Pick<IssuedReportsTable, 'format' | 'lang' | 'edition'> & {
	/** Review comments printed in it; false when not said. */
	comments?: boolean;
};

export interface IssuedReport extends IssuedVariant {
	fileName: string;
	bytes: Uint8Array;
	sha256: string;
	issuedOn: string;
}

/** The current issue of one variant, without its bytes: an indexed read of a few short columns. */
export async function findIssuedReportEntry(
	db: Database,
	scope: { orgId: string; assessmentId: string } & IssuedVariant
): Promise<(Omit<IssuedReport, 'bytes'> & { id: string }) | null> {
	const row = await db
		.selectFrom('issued_reports')
		.select(['id', 'format', 'lang', 'edition', 'comments', 'file_name', 'sha256', 'issued_on'])
		.where('org_id', '=', scope.orgId)
		.where('assessment_id', '=', scope.assessmentId)
		.where('format', '=', scope.format)
		.where('lang', '=', scope.lang)
		.where('edition', '=', scope.edition)
		.where('comments', '=', scope.comments ?? false)
		.where('superseded_at', 'is', null)
		.executeTakeFirst();
	return row
		? {
				id: row.id,
				format: row.format,
				lang: row.lang,
				edition: row.edition,
				comments: row.comments,
				fileName: row.file_name,
				sha256: row.sha256,
				issuedOn: row.issued_on
			}
		: null;
}

/** The bytes of one issue, by its id. */
export async function readIssuedReportBytes(db: Database, id: string): Promise<Uint8Array | null> {
	const row = await db
		.selectFrom('issued_reports')
		.select('bytes')
		.where('id', '=', id)
		.executeTakeFirst();
	return row ? new Uint8Array(row.bytes) : null;
}

/** Stores an issue; false when this variant was issued meanwhile (the first one stands). */
export async function insertIssuedReport(
	tx: AuditedTx,
	scope: { orgId: string; assessmentId: string },
	report: IssuedReport
): Promise<boolean> {
	const inserted = await tx.db
		.insertInto('issued_reports')
		.values({
			id: crypto.randomUUID(),
			assessment_id: scope.assessmentId,
			org_id: scope.orgId,
			format: report.format,
			lang: report.lang,
			edition: report.edition,
			comments: report.comments ?? false,
			file_name: report.fileName,
			// pg sends a Buffer as bytea; PGlite takes it as the Uint8Array it is.
			bytes: Buffer.from(report.bytes.buffer, report.bytes.byteOffset, report.bytes.byteLength),
			sha256: report.sha256,
			issued_on: report.issuedOn
		})
		.onConflict((oc) =>
			oc
				.columns(['assessment_id', 'format', 'lang', 'edition', 'comments'])
				.where('superseded_at', 'is', null)
				.doNothing()
		)
		.executeTakeFirst();
	return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Marks the assessment's current issues superseded (on re-opening): kept, no longer served. */
export async function supersedeIssuedReports(
	tx: AuditedTx,
	scope: { orgId: string; assessmentId: string }
): Promise<number> {
	const result = await tx.db
		.updateTable('issued_reports')
		.set({ superseded_at: new Date() })
		.where('org_id', '=', scope.orgId)
		.where('assessment_id', '=', scope.assessmentId)
		.where('superseded_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}
