import { sql } from 'kysely';
import type { Database } from '../connection';

export interface DueFigures {
	orgId: string;
	assessmentId: string;
	title: string;
	clientId: string | null;
	overdue: number;
	dueSoon: number;
}

/**
 * Per assessment not yet final, its gaps (partially or non-compliant answers) whose due date has
 * passed, and those due within `soonDays` of `today` (a Shanghai calendar date, YYYY-MM-DD).
 */
export async function listDueFigures(
	db: Database,
	input: { today: string; soonDays: number }
): Promise<DueFigures[]> {
	const result = await sql<DueFigures>`
		select s.org_id as "orgId", s.id as "assessmentId", s.title, s.client_id as "clientId",
			cast(count(*) filter (where a.due < cast(${input.today} as date)) as integer) as overdue,
			cast(count(*) filter (where a.due >= cast(${input.today} as date)
				and a.due <= cast(${input.today} as date) + ${input.soonDays}::integer) as integer) as "dueSoon"
		from answers a join assessments s on s.id = a.assessment_id
		where s.state <> 'final' and a.due is not null and a.status in ('partial', 'non_compliant')
		group by s.org_id, s.id, s.title, s.client_id
		having count(*) filter (where a.due <= cast(${input.today} as date) + ${input.soonDays}::integer) > 0
		order by s.org_id, s.title, s.id
	`.execute(db);
	return result.rows.map((r) => ({ ...r, overdue: Number(r.overdue), dueSoon: Number(r.dueSoon) }));
}
