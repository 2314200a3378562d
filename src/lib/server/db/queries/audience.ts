import type { Database } from '../connection';
import type { Language, Role } from '../schema';

/** A member as a notice reaches them: who, in which language, and how far their reach goes. */
export interface AudienceMember {
	userId: string;
	name: string;
	email: string;
	language: Language;
	role: Role;
	clientId: string | null;
	assessmentId: string | null;
	domains: string[] | null;
}

/** Every verified member of an organisation, with their reach, for choosing whom a notice goes to. */
export async function listOrgAudience(db: Database, orgId: string): Promise<AudienceMember[]> {
	const rows = await db
		.selectFrom('memberships as m')
		.innerJoin('users as u', 'u.id', 'm.user_id')
		.select([
			'u.id as userId',
			'u.name as name',
			'u.email as email',
			'u.language as language',
			'm.role as role',
			'm.client_id as clientId',
			'm.assessment_id as assessmentId',
			'm.domains as domains'
		])
		.where('m.org_id', '=', orgId)
		.where('u.email_verified_at', 'is not', null)
		.orderBy('u.id')
		.execute();
	return rows.map((r) => {
		const domains = typeof r.domains === 'string' ? JSON.parse(r.domains) : r.domains;
		return { ...r, domains: Array.isArray(domains) ? domains.map(String) : null };
	});
}
