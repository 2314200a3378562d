import type { GapObservation, ReportStatement, VoiceText } from '../../../domain/consultant-voice';
import { EMPTY_STATEMENT } from '../../../domain/consultant-voice';
import type { AuditedTx } from '../audited';
import type { Database } from '../connection';

type Versioned = { version: number; by: string | null; at: Date | string };

const authorship = (r: Versioned) => ({
	version: r.version,
	by: r.by,
	at: new Date(r.at).toISOString()
});

/** The statement's versions, newest first; `limit` 1 for the current one. */
async function statementVersions(
	db: Database,
	assessmentId: string,
	limit?: number
): Promise<ReportStatement[]> {
	let query = db
		.selectFrom('report_statements as s')
		.leftJoin('users as u', 'u.id', 's.created_by')
		.select([
			's.version',
			's.opinion_zh',
			's.opinion_en',
			's.scope_zh',
			's.scope_en',
			's.created_at as at',
			'u.name as by'
		])
		.where('s.assessment_id', '=', assessmentId)
		.orderBy('s.version', 'desc');
	if (limit) query = query.limit(limit);
	const rows = await query.execute();
	return rows.map((row) => ({
		...authorship(row),
		opinion: { zh: row.opinion_zh, en: row.opinion_en },
		scope: { zh: row.scope_zh, en: row.scope_en }
	}));
}

/** The latest version of the assessment's opinion and scope; the empty one when none was saved. */
export async function findReportStatement(
	db: Database,
	assessmentId: string
): Promise<ReportStatement> {
	return (await statementVersions(db, assessmentId, 1))[0] ?? EMPTY_STATEMENT;
}

/** Every saved version of the statement, newest first: who wrote what, when. */
export function listReportStatementVersions(
	db: Database,
	assessmentId: string
): Promise<ReportStatement[]> {
	return statementVersions(db, assessmentId);
}

/**
 * Adds the next version; false when that version exists already (someone saved it first). The
 * primary key (assessment, version) decides between two writers: one row, never an overwrite.
 */
export async function insertReportStatement(
	tx: AuditedTx,
	input: {
		assessmentId: string;
		version: number;
		opinion: VoiceText;
		scope: VoiceText;
		userId: string | null;
	}
): Promise<boolean> {
	const row = await tx.db
		.insertInto('report_statements')
		.values({
			assessment_id: input.assessmentId,
			version: input.version,
			opinion_zh: input.opinion.zh,
			opinion_en: input.opinion.en,
			scope_zh: input.scope.zh,
			scope_en: input.scope.en,
			created_by: input.userId
		})
		.onConflict((oc) => oc.doNothing())
		.returning('version')
		.executeTakeFirst();
	return row !== undefined;
}

/** The latest observation of each gap that has one. */
export async function listGapObservations(
	db: Database,
	assessmentId: string
): Promise<Record<string, GapObservation>> {
	const rows = await db
		.selectFrom('gap_observations as o')
		.leftJoin('users as u', 'u.id', 'o.created_by')
		.select([
			'o.item_id',
			'o.version',
			'o.text_zh',
			'o.text_en',
			'o.created_at as at',
			'u.name as by'
		])
		.where('o.assessment_id', '=', assessmentId)
		.where(({ eb, selectFrom }) =>
			eb(
				'o.version',
				'=',
				selectFrom('gap_observations as l')
					.select(({ fn }) => fn.max('l.version').as('v'))
					.whereRef('l.assessment_id', '=', 'o.assessment_id')
					.whereRef('l.item_id', '=', 'o.item_id')
			)
		)
		.orderBy('o.item_id')
		.execute();
	return Object.fromEntries(
		rows.map((row) => [
			row.item_id,
			{ ...authorship(row), itemId: row.item_id, text: { zh: row.text_zh, en: row.text_en } }
		])
	);
}

export async function insertGapObservation(
	tx: AuditedTx,
	input: {
		assessmentId: string;
		itemId: string;
		version: number;
		text: VoiceText;
		userId: string | null;
	}
): Promise<boolean> {
	const row = await tx.db
		.insertInto('gap_observations')
		.values({
			assessment_id: input.assessmentId,
			item_id: input.itemId,
			version: input.version,
			text_zh: input.text.zh,
			text_en: input.text.en,
			created_by: input.userId
		})
		.onConflict((oc) => oc.doNothing())
		.returning('version')
		.executeTakeFirst();
	return row !== undefined;
}
