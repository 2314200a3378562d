import { sql } from 'kysely';
import type { Database } from '../connection';

/**
 * Everything a draft report's content depends on besides the assessment row itself, as short
 * strings read in one statement: the answers, action statuses and the consultant's words (counts
 * and latest change), the organisation's logo (its md5), who started the assessment, the previous
 * assessment's last change (the "changes since" section), the filing pack's form and the evidence
 * files (stale-material warnings), and whether any answer exists (then overdue actions and stale
 * material are counted against the day, and the content depends on it).
 */
export interface ReportStamp {
	answers: string;
	actions: string;
	voice: string;
	logo: string | null;
	creator: string | null;
	previous: string | null;
	/** The filing pack's form (its planned filing date and window) and the evidence files' dates. */
	pack: string | null;
	evidence: string;
	dated: boolean;
}

export async function readReportStamp(
	db: Database,
	input: { assessmentId: string; orgId: string; previousId: string | null }
): Promise<ReportStamp> {
	const { assessmentId: a, orgId, previousId } = input;
	// Cast in SQL: PGlite and pg return counts and timestamps as different types.
	const result = await sql<ReportStamp>`
		select
			(select count(*)::text || '/' || coalesce(max(updated_at)::text, '') || '/' ||
				coalesce(sum(version)::text, '') from answers where assessment_id = ${a}) as answers,
			(select count(*)::text || '/' || coalesce(max(updated_at)::text, '')
				from gap_actions where assessment_id = ${a}) as actions,
			(select coalesce(max(version), 0)::text from report_statements where assessment_id = ${a})
				|| '/' ||
				(select count(*)::text || '/' || coalesce(max(created_at)::text, '')
					from gap_observations where assessment_id = ${a}) as voice,
			(select md5(logo) from organisations where id = ${orgId}) as logo,
			(select u.name from assessments x join users u on u.id = x.created_by where x.id = ${a})
				as creator,
			(select updated_at::text from assessments where id = ${previousId}) as previous,
			(select version::text || '/' || updated_at::text from filing_packs where assessment_id = ${a})
				as pack,
			(select count(*)::text || '/' || coalesce(max(uploaded_at)::text, '') || '/' ||
				coalesce(max(reviewed_at)::text, '') from evidence_files where assessment_id = ${a})
				as evidence,
			-- Stale-material warnings weigh answers, files and provisions against today's date.
			exists (select 1 from answers where assessment_id = ${a}) as dated
	`.execute(db);
	return result.rows[0]!;
}
