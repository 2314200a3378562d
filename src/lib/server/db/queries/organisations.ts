import type { Database } from '../connection';
import type { AuditedTx } from '../audited';
import type { OrgKind, Role } from '../schema';

export interface Membership {
	orgId: string;
	orgName: string;
	orgKind: OrgKind;
	role: Role;
	/** A respondent's reach (all null for everyone else): one client, one assessment, some domains. */
	clientId: string | null;
	assessmentId: string | null;
	domains: string[] | null;
}

export interface Member {
	userId: string;
	name: string;
	email: string;
	role: Role;
	joinedAt: Date;
	/** The client a respondent answers for, if any. */
	clientName: string | null;
}

export async function insertOrganisation(
	tx: AuditedTx,
	org: { id: string; name: string; kind: OrgKind }
): Promise<void> {
	await tx.db.insertInto('organisations').values(org).execute();
}

export interface RespondentScope {
	clientId: string | null;
	assessmentId: string | null;
	domains: string[] | null;
}

export async function insertMembership(
	tx: AuditedTx,
	m: { orgId: string; userId: string; role: Role; scope?: RespondentScope }
): Promise<void> {
	await tx.db
		.insertInto('memberships')
		.values({
			org_id: m.orgId,
			user_id: m.userId,
			role: m.role,
			client_id: m.scope?.clientId ?? null,
			assessment_id: m.scope?.assessmentId ?? null,
			domains: m.scope?.domains ? JSON.stringify(m.scope.domains) : null
		})
		.execute();
}

const membershipColumns = [
	'o.id as orgId',
	'o.name as orgName',
	'o.kind as orgKind',
	'm.role as role',
	'm.client_id as clientId',
	'm.assessment_id as assessmentId',
	'm.domains as domains'
] as const;

function toMembership(row: Omit<Membership, 'domains'> & { domains: unknown }): Membership {
	const domains = typeof row.domains === 'string' ? JSON.parse(row.domains) : row.domains;
	return { ...row, domains: Array.isArray(domains) ? domains.map(String) : null };
}

export async function listMemberships(db: Database, userId: string): Promise<Membership[]> {
	const rows = await db
		.selectFrom('memberships as m')
		.innerJoin('organisations as o', 'o.id', 'm.org_id')
		.select(membershipColumns)
		.where('m.user_id', '=', userId)
		.orderBy('o.name')
		.orderBy('o.id')
		.execute();
	return rows.map(toMembership);
}

export async function findMembership(
	db: Database,
	userId: string,
	orgId: string
): Promise<Membership | null> {
	const row = await db
		.selectFrom('memberships as m')
		.innerJoin('organisations as o', 'o.id', 'm.org_id')
		.select(membershipColumns)
		.where('m.user_id', '=', userId)
		.where('m.org_id', '=', orgId)
		.executeTakeFirst();
	return row ? toMembership(row) : null;
}

/** The members whose reach is this one assessment, or this one client (respondents invited for it): who, and as what. */
export async function listMembershipsOfAssessment(
	db: Database,
	scope: { orgId: string; assessmentId: string } | { orgId: string; clientId: string }
): Promise<(Membership & { userId: string })[]> {
	const query = db
		.selectFrom('memberships as m')
		.innerJoin('organisations as o', 'o.id', 'm.org_id')
		.select(membershipColumns)
		.select('m.user_id as userId')
		.where('m.org_id', '=', scope.orgId);
	const rows = await (
		'assessmentId' in scope
			? query.where('m.assessment_id', '=', scope.assessmentId)
			: query.where('m.client_id', '=', scope.clientId)
	)
		.orderBy('m.user_id')
		.execute();
	return rows.map((row) => ({ ...toMembership(row), userId: row.userId }));
}

export async function listMembers(db: Database, orgId: string): Promise<Member[]> {
	return db
		.selectFrom('memberships as m')
		.innerJoin('users as u', 'u.id', 'm.user_id')
		.leftJoin('clients as c', 'c.id', 'm.client_id')
		.select([
			'u.id as userId',
			'u.name as name',
			'u.email as email',
			'm.role as role',
			'm.created_at as joinedAt',
			'c.name as clientName'
		])
		.where('m.org_id', '=', orgId)
		.orderBy('m.created_at')
		.execute();
}

export async function countOwners(db: Database, orgId: string): Promise<number> {
	const row = await db
		.selectFrom('memberships')
		.select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'))
		.where('org_id', '=', orgId)
		.where('role', '=', 'owner')
		.executeTakeFirstOrThrow();
	return row.n;
}

export async function updateMemberRole(
	tx: AuditedTx,
	orgId: string,
	userId: string,
	role: Role
): Promise<number> {
	const result = await tx.db
		.updateTable('memberships')
		.set({ role })
		.where('org_id', '=', orgId)
		.where('user_id', '=', userId)
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}

export async function deleteMembership(
	tx: AuditedTx,
	orgId: string,
	userId: string
): Promise<number> {
	const result = await tx.db
		.deleteFrom('memberships')
		.where('org_id', '=', orgId)
		.where('user_id', '=', userId)
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}

export async function findOrganisation(
	db: Database,
	id: string
): Promise<{ id: string; name: string; kind: OrgKind } | null> {
	const row = await db
		.selectFrom('organisations')
		.select(['id', 'name', 'kind'])
		.where('id', '=', id)
		.executeTakeFirst();
	return row ?? null;
}

export interface OrganisationIdentity {
	id: string;
	name: string;
	registeredName: string | null;
	businessScope: string | null;
}

/** The organisation's own name, registered name and business scope. */
export async function findOrganisationIdentity(
	db: Database,
	orgId: string
): Promise<OrganisationIdentity | null> {
	const row = await db
		.selectFrom('organisations')
		.select(['id', 'name', 'registered_name as registeredName', 'business_scope as businessScope'])
		.where('id', '=', orgId)
		.executeTakeFirst();
	return row ?? null;
}

export async function updateOrganisationIdentity(
	tx: AuditedTx,
	orgId: string,
	identity: { registeredName: string | null; businessScope: string | null }
): Promise<void> {
	await tx.db
		.updateTable('organisations')
		.set({ registered_name: identity.registeredName, business_scope: identity.businessScope })
		.where('id', '=', orgId)
		.execute();
}

export async function updateOrganisationName(
	tx: AuditedTx,
	orgId: string,
	name: string
): Promise<void> {
	await tx.db.updateTable('organisations').set({ name }).where('id', '=', orgId).execute();
}
