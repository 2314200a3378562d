import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type TimestampDefaultNow = ColumnType<Date, Date | string | undefined, Date | string>;

export type OrgKind = 'firm' | 'consultancy';
export type Role = 'owner' | 'consultant' | 'respondent' | 'viewer';

export interface UsersTable {
	id: string;
	email: string;
	name: string;
	password_hash: string;
	created_at: TimestampDefaultNow;
}

export interface SessionsTable {
	id: string;
	user_id: string;
	secret_hash: Uint8Array;
	active_org_id: string | null;
	created_at: TimestampDefaultNow;
	expires_at: Timestamp;
}

export interface OrganisationsTable {
	id: string;
	name: string;
	kind: OrgKind;
	created_at: TimestampDefaultNow;
}

export interface MembershipsTable {
	org_id: string;
	user_id: string;
	role: Role;
	created_at: TimestampDefaultNow;
}

export interface InvitationsTable {
	id: string;
	org_id: string;
	token_hash: string;
	role: Role;
	email: string | null;
	created_by: string;
	created_at: TimestampDefaultNow;
	expires_at: Timestamp;
	accepted_at: Timestamp | null;
	accepted_by: string | null;
	revoked_at: Timestamp | null;
}

export interface LoginFailuresTable {
	id: Generated<number>;
	key: string;
	failed_at: TimestampDefaultNow;
}

export interface QuestionnaireVersionsTable {
	hash: string;
	content: ColumnType<unknown, string, never>;
	item_count: number;
	provision_count: number;
	imported_at: TimestampDefaultNow;
}

export interface DB {
	questionnaire_versions: QuestionnaireVersionsTable;
	users: UsersTable;
	sessions: SessionsTable;
	organisations: OrganisationsTable;
	memberships: MembershipsTable;
	invitations: InvitationsTable;
	login_failures: LoginFailuresTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type OrganisationRow = Selectable<OrganisationsTable>;
export type InvitationRow = Selectable<InvitationsTable>;
