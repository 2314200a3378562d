import { sql, type Kysely } from 'kysely';

/**
 * The 2026-12 profile questions scope a firm more finely (issue 16):
 * - `target_sandbox` names the way of applying: the PBOC tool's `pboc_fintech_tool` and the
 *   Shanghai sandbox (prepared to the PBOC tool's rules until its own are published) become
 *   `pboc_licensed_alone` for a licensed institution and `pboc_joint` for anyone else — the path
 *   that asks the most, to be corrected on the profile page (`pboc_tech_product` for a technology
 *   product applied for alone);
 * - `personal_information`'s top tier `over_1m` splits at 10 million: it becomes `1m_to_10m`.
 * New questions (`personal_information_role`, `ciio`) stay unanswered until someone answers them.
 * The domain (src/lib/domain/profile.ts, RETIRED_PROFILE_VALUES) lets rules of older questionnaires
 * still match the new values, so an assessment's scope on its own version does not change.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await sql`
		update assessments set profile = jsonb_set(
			profile, '{target_sandbox}',
			to_jsonb(case when profile->>'org_type' = 'licensed_institution'
				then 'pboc_licensed_alone' else 'pboc_joint' end))
		where profile->>'target_sandbox' in ('pboc_fintech_tool', 'shanghai_sandbox')
	`.execute(db);
	await sql`
		update assessments set profile = jsonb_set(profile, '{personal_information}', '"1m_to_10m"')
		where profile->>'personal_information' = 'over_1m'
	`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await sql`
		update assessments set profile = jsonb_set(profile, '{target_sandbox}', '"pboc_fintech_tool"')
		where profile->>'target_sandbox' in ('pboc_licensed_alone', 'pboc_tech_product', 'pboc_joint')
	`.execute(db);
	await sql`
		update assessments set profile = jsonb_set(profile, '{personal_information}', '"over_1m"')
		where profile->>'personal_information' in ('1m_to_10m', 'over_10m')
	`.execute(db);
}
