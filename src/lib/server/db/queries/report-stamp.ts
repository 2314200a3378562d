import { sql } from 'kysely';
import type { Database } from '../connection';

/**
 * Everything a draft report's content depends on besides the assessment row itself, as short
 * strings read in one statement: the answers, action statuses and the consultant's words (counts
 * and latest change), the organisation's logo (its md5), who started the assessment, the previous
 * assessment's last change (the "changes since" section), the filing pack's form and the evidence
 * files (every field the evidence annex prints, and the stale-material warnings), the review
 * comments (printed when the reader asks for them), and whether any answer or expiring file exists
 * (then overdue actions, stale material and expired files are counted against the day, and the
 * content depends on it).
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
	/** Every field of every evidence file the annex prints, the uploader's name included. */
	evidence: string;
	/** The review comments (how many, and a digest of their ids and authors' names). */
	comments: string;
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
			(select count(*)::text || '/' || coalesce(md5(string_agg(concat_ws('|', f.id, f.version,
					f.file_name, f.size, f.sha256, u.name, f.uploaded_at, f.effective_on, f.expires_on,
					f.review_status, f.reviewed_at, f.needs_reconfirmation), ',' order by f.id)), '')
				from evidence_files f left join users u on u.id = f.uploaded_by
				where f.assessment_id = ${a}) as evidence,
			-- A comment is never edited: its id stands for its text; its author may be renamed.
			(select count(*)::text || '/' || coalesce(md5(string_agg(concat_ws('|', c.id, u.name),
					',' order by c.id)), '')
				from review_comments c left join users u on u.id = c.author_id
				where c.assessment_id = ${a}) as comments,
			-- Stale-material warnings weigh answers, files and provisions against today's date.
			exists (select 1 from answers where assessment_id = ${a})
				or exists (select 1 from evidence_files where assessment_id = ${a}
					and expires_on is not null) as dated
	`.execute(db);
	return result.rows[0]!;
}
