import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type TimestampDefaultNow = ColumnType<Date, Date | string | undefined, Date | string>;

export type OrgKind = 'firm' | 'consultancy';
/** The languages of the interface and of mails. */
export type Language = 'zh' | 'en';
export type Role = 'owner' | 'consultant' | 'respondent' | 'viewer';

export interface UsersTable {
	id: string;
	email: string;
	name: string;
	password_hash: string;
	created_at: TimestampDefaultNow;
	/** Null until the person enters the code mailed to the address. */
	email_verified_at: ColumnType<
		Date | null,
		Date | string | null | undefined,
		Date | string | null
	>;
	/** The language of their mails. */
	language: ColumnType<Language, Language | undefined, Language>;
	/** The TOTP key when two-factor is on, sealed with SECRET_KEY (auth/secret-box.ts). */
	totp_key: ColumnType<Uint8Array | null, Uint8Array | null | undefined, Uint8Array | null>;
	/** The 30-second step of the last accepted TOTP code: a code is accepted once. */
	totp_last_step: ColumnType<number | string | null, number | null | undefined, number | null>;
}

export interface SessionsTable {
	id: string;
	user_id: string;
	secret_hash: Uint8Array;
	active_org_id: string | null;
	created_at: TimestampDefaultNow;
	expires_at: Timestamp;
	two_factor_verified: ColumnType<boolean, boolean | undefined, boolean>;
	last_seen_at: TimestampDefaultNow;
	user_agent: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface OrganisationsTable {
	id: string;
	name: string;
	kind: OrgKind;
	logo: Uint8Array | null;
	logo_mime: string | null;
	/** The organisation's own identity, for the assessments it makes of itself. */
	registered_name: ColumnType<string | null, string | null | undefined, string | null>;
	business_scope: ColumnType<string | null, string | null | undefined, string | null>;
	created_at: TimestampDefaultNow;
	require_two_factor: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface MembershipsTable {
	org_id: string;
	user_id: string;
	role: Role;
	/** A respondent's reach: one client, optionally one assessment and some of its domains. */
	client_id: string | null;
	assessment_id: string | null;
	domains: Json | null;
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
	client_id: string | null;
	assessment_id: string | null;
	domains: Json | null;
	/** The language of the invitation's mail, chosen by whoever invited. */
	language: ColumnType<'zh' | 'en', 'zh' | 'en' | undefined, 'zh' | 'en'>;
}

/** One row per throttled key (an account, an address, a device): checked and recorded in one statement. */
export interface ThrottleCountersTable {
	key: string;
	/** Attempts counted since the key was last quiet for a whole window (or cleared). */
	failures: number;
	/** Attempts evaluated at once before delays begin (the policy of the key's kind). */
	allowance: number;
	last_at: Timestamp;
	/** No attempt is evaluated before this. */
	next_allowed_at: Timestamp;
}

/** A browser that logged in successfully (OWASP's device cookie): it keeps its own allowance. */
export interface TrustedDevicesTable {
	id: string;
	user_id: string;
	secret_hash: Uint8Array;
	created_at: TimestampDefaultNow;
	last_used_at: TimestampDefaultNow;
}

export interface QuestionnaireVersionsTable {
	hash: string;
	content: ColumnType<unknown, string, never>;
	item_count: number;
	provision_count: number;
	imported_at: TimestampDefaultNow;
}

export type AssessmentState = 'draft' | 'in_review' | 'final';
type Json = ColumnType<unknown, string, string>;

export interface AssessmentsTable {
	id: string;
	org_id: string;
	title: string;
	version_hash: string;
	profile: Json;
	profile_version: ColumnType<number, number | undefined, number>;
	state: ColumnType<AssessmentState, AssessmentState | undefined, AssessmentState>;
	client_id: string | null;
	previous_assessment_id: string | null;
	/** The firm's identity as it stood when the assessment was finalised; null before. */
	frozen_identity: ColumnType<unknown, string | null | undefined, string | null>;
	/** A calendar date; selected as YYYY-MM-DD text (cast in SQL) so pg and PGlite agree. */
	due_date: ColumnType<string | null, string | null | undefined, string | null>;
	/** The consultant or owner who answers for the assessment. */
	responsible_user_id: ColumnType<string | null, string | null | undefined, string | null>;
	/** Archived: out of the default lists, restored at will. */
	archived_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
	/** Deleted: hidden everywhere, purged after the grace period. */
	deleted_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
	created_by: string | null;
	created_at: TimestampDefaultNow;
	updated_at: TimestampDefaultNow;
}

export interface AnswersTable {
	assessment_id: string;
	item_id: string;
	status: 'compliant' | 'partial' | 'non_compliant' | 'not_applicable';
	note: string;
	evidence: Json;
	owner: string | null;
	/** A calendar date; selected as YYYY-MM-DD text (cast in SQL) so pg and PGlite agree. */
	due: string | null;
	version: number;
	/** Copied from a previous assessment and not yet confirmed. */
	carried_over: ColumnType<boolean, boolean | undefined, boolean>;
	updated_by: string | null;
	updated_at: TimestampDefaultNow;
}

/** Written only by db/audited.ts. */
export interface AuditLogTable {
	id: Generated<number>;
	/** Null for what belongs to a person, not an organisation (sign-up, login). */
	org_id: string | null;
	/** Not a foreign key: the rows of an assessment outlive it, redacted. */
	assessment_id: string | null;
	item_id: string | null;
	actor_id: string | null;
	/** The API token the change came through, if any. */
	api_token_id: string | null;
	/** The x-request-id of the request that made the change. */
	request_id: string | null;
	action: string;
	entity_type: string;
	entity_id: string;
	old_value: Json | null;
	new_value: Json | null;
	at: TimestampDefaultNow;
	/** When the content (old and new values) was replaced by a marker; who/what/when stay. */
	redacted_at: Timestamp | null;
}

export interface ReportCacheTable {
	key: string;
	assessment_id: string;
	lang: 'zh' | 'en' | 'both';
	bytes: Uint8Array;
	created_at: TimestampDefaultNow;
}

/** A report being rendered by some instance (report/render-lease.ts): bookkeeping. */
export interface ReportRenderLeasesTable {
	key: string;
	org_id: string;
	slot: number;
	holder: string;
	expires_at: Timestamp;
	created_at: TimestampDefaultNow;
}

/** A final assessment's report as issued (report/issued-report.ts): its bytes are never re-rendered. */
export interface IssuedReportsTable {
	id: string;
	assessment_id: string;
	org_id: string;
	format: 'pdf' | 'docx';
	lang: 'zh' | 'en' | 'both';
	edition: 'summary' | 'full';
	/** Whether the review comments are printed in it (the consultant's choice). */
	comments: Generated<boolean>;
	file_name: string;
	bytes: Uint8Array;
	sha256: string;
	/** The Shanghai date of issue, YYYY-MM-DD. */
	issued_on: string;
	issued_at: TimestampDefaultNow;
	superseded_at: Timestamp | null;
}

/** Where the action closing a gap stands; an item without a row is open. */
export interface GapActionsTable {
	assessment_id: string;
	item_id: string;
	status: 'open' | 'in_progress' | 'done';
	updated_at: TimestampDefaultNow;
}

/** One saved version of the consultant's opinion and scope statement (append-only). */
export interface ReportStatementsTable {
	assessment_id: string;
	version: number;
	opinion_zh: ColumnType<string, string | undefined, never>;
	opinion_en: ColumnType<string, string | undefined, never>;
	scope_zh: ColumnType<string, string | undefined, never>;
	scope_en: ColumnType<string, string | undefined, never>;
	created_by: string | null;
	created_at: TimestampDefaultNow;
}

/** One saved version of the consultant's observation on a gap (append-only). */
export interface GapObservationsTable {
	assessment_id: string;
	item_id: string;
	version: number;
	text_zh: ColumnType<string, string | undefined, never>;
	text_en: ColumnType<string, string | undefined, never>;
	created_by: string | null;
	created_at: TimestampDefaultNow;
}

export interface ClientsTable {
	id: string;
	org_id: string;
	name: string;
	registered_name: string | null;
	business_scope: ColumnType<string | null, string | null | undefined, string | null>;
	contact: string | null;
	notes: ColumnType<string, string | undefined, string>;
	created_by: string | null;
	created_at: TimestampDefaultNow;
	updated_at: TimestampDefaultNow;
	/** Archived: out of the default lists, restored at will. */
	archived_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
	/** Deleted (with its assessments): hidden everywhere, purged after the grace period. */
	deleted_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface ApiTokensTable {
	id: string;
	org_id: string;
	name: string;
	/** SHA-256 (hex) of the token; the token itself is shown once and never stored. */
	token_hash: string;
	/** Who made it (null: the admin CLI). */
	created_by: string | null;
	/** The member it acts for; it works only while they are a member of the organisation. */
	user_id: string | null;
	scope: ColumnType<ApiTokenScope, ApiTokenScope | undefined, ApiTokenScope>;
	created_at: TimestampDefaultNow;
	expires_at: Timestamp;
	last_used_at: Timestamp | null;
	revoked_at: Timestamp | null;
}

/** A token acts with its member's role (`role`), or at most as a consultant or a viewer would. */
export type ApiTokenScope = 'role' | 'read_write' | 'read_only';

export type ReviewDecision = 'accepted' | 'changes_requested';

export interface ItemReviewsTable {
	assessment_id: string;
	item_id: string;
	decision: ReviewDecision;
	/** The answer version decided on (0: no answer); a newer answer makes the item pending again. */
	answer_version: number;
	reviewed_by: string | null;
	reviewed_at: TimestampDefaultNow;
}

export interface ReviewCommentsTable {
	id: string;
	assessment_id: string;
	item_id: string;
	author_id: string | null;
	body: string;
	created_at: TimestampDefaultNow;
}

export type IdentityFieldName = 'registered_name' | 'business_scope';

/** An assessment's profile value that differed from its record when it moved there: for a person. */
export interface IdentityConflictsTable {
	id: string;
	org_id: string;
	assessment_id: string;
	/** The record: the client, or (null) the organisation itself. */
	client_id: string | null;
	field: IdentityFieldName;
	record_value: string | null;
	profile_value: string;
	found_at: TimestampDefaultNow;
	resolved_at: Timestamp | null;
	resolved_by: string | null;
	resolution: 'record' | 'profile' | null;
}

/** The bytes of one file, once per organisation; pending (sha256 null) while its upload streams. */
export interface EvidenceBlobsTable {
	id: string;
	org_id: string;
	sha256: string | null;
	/** bigint: selected cast to integer text (pg answers int8 as a string). */
	size: ColumnType<number | string, number | undefined, number>;
	/** How many evidence_files rows use this blob. */
	ref_count: ColumnType<number, number | undefined, number>;
	created_at: TimestampDefaultNow;
}

export interface EvidenceChunksTable {
	blob_id: string;
	seq: number;
	data: Uint8Array;
}

export type EvidenceReviewStatus = 'pending' | 'accepted' | 'rejected';

export interface EvidenceFilesTable {
	id: string;
	org_id: string;
	assessment_id: string;
	item_id: string;
	blob_id: string;
	lineage_id: string;
	version: ColumnType<number, number | undefined, number>;
	file_name: string;
	content_type: string;
	size: ColumnType<number | string, number, number>;
	sha256: string;
	uploaded_by: string | null;
	uploaded_at: TimestampDefaultNow;
	/** Calendar dates, selected as YYYY-MM-DD text. */
	effective_on: string;
	expires_on: string | null;
	review_status: ColumnType<
		EvidenceReviewStatus,
		EvidenceReviewStatus | undefined,
		EvidenceReviewStatus
	>;
	reviewed_by: string | null;
	reviewed_at: Timestamp | null;
	needs_reconfirmation: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface EvidenceRequestsTable {
	id: string;
	org_id: string;
	assessment_id: string;
	item_id: string;
	description: string;
	due_on: string | null;
	requested_by: string | null;
	requested_at: TimestampDefaultNow;
	fulfilled_at: Timestamp | null;
	fulfilled_by_file_id: string | null;
}

export interface DB {
	evidence_blobs: EvidenceBlobsTable;
	evidence_chunks: EvidenceChunksTable;
	evidence_files: EvidenceFilesTable;
	evidence_requests: EvidenceRequestsTable;
	identity_conflicts: IdentityConflictsTable;
	item_reviews: ItemReviewsTable;
	review_comments: ReviewCommentsTable;
	clients: ClientsTable;
	api_tokens: ApiTokensTable;
	assessments: AssessmentsTable;
	answers: AnswersTable;
	audit_log: AuditLogTable;
	report_cache: ReportCacheTable;
	report_render_leases: ReportRenderLeasesTable;
	finalise_overrides: FinaliseOverridesTable;
	jobs: JobsTable;
	assessment_parts: AssessmentPartsTable;
	filing_packs: FilingPacksTable;
	issued_reports: IssuedReportsTable;
	gap_actions: GapActionsTable;
	report_statements: ReportStatementsTable;
	gap_observations: GapObservationsTable;
	questionnaire_versions: QuestionnaireVersionsTable;
	users: UsersTable;
	sessions: SessionsTable;
	organisations: OrganisationsTable;
	memberships: MembershipsTable;
	invitations: InvitationsTable;
	outbox: OutboxTable;
	throttle_counters: ThrottleCountersTable;
	trusted_devices: TrustedDevicesTable;
	email_verifications: EmailVerificationsTable;
	password_resets: PasswordResetsTable;
	recovery_codes: RecoveryCodesTable;
	notifications: NotificationsTable;
	notification_preferences: NotificationPreferencesTable;
}

export interface OutboxTable {
	id: string;
	org_id: string | null;
	user_id: string | null;
	to_address: string;
	language: Language;
	template: string;
	subject: string;
	body_text: string;
	body_html: string;
	created_at: TimestampDefaultNow;
	next_attempt_at: TimestampDefaultNow;
	attempts: ColumnType<number, number | undefined, number>;
	last_error: ColumnType<string | null, string | null | undefined, string | null>;
	sent_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
	failed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface EmailVerificationsTable {
	user_id: string;
	email: string;
	code_hash: string;
	expires_at: Timestamp;
	wrong_tries: ColumnType<number, number | undefined, number>;
	created_at: TimestampDefaultNow;
}

export interface PasswordResetsTable {
	id: string;
	user_id: string;
	token_hash: string;
	created_at: TimestampDefaultNow;
	expires_at: Timestamp;
	used_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface RecoveryCodesTable {
	id: string;
	user_id: string;
	code_hash: string;
	used_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type OrganisationRow = Selectable<OrganisationsTable>;
export type InvitationRow = Selectable<InvitationsTable>;

export interface FinaliseOverridesTable {
	assessment_id: string;
	owner: string;
	reason: string;
	open_items: Json;
	finalised_by: string | null;
	finalised_at: TimestampDefaultNow;
}

export interface JobsTable {
	id: string;
	kind: string;
	run_at: ColumnType<Date, Date | string, Date | string>;
	payload: ColumnType<unknown, string | undefined, string>;
	locked_by: string | null;
	locked_until: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
	attempts: ColumnType<number, number | undefined, number>;
	done_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
	last_error: ColumnType<string | null, string | null | undefined, string | null>;
	created_at: TimestampDefaultNow;
}

export interface AssessmentPartsTable {
	assessment_id: string;
	domain: string;
	submitted_by: string | null;
	submitted_at: TimestampDefaultNow;
}

/** An assessment's filing pack: its short form and people's edits of drafted sections (JSON). */
export interface FilingPacksTable {
	assessment_id: string;
	input: ColumnType<unknown, string | undefined, string>;
	edits: ColumnType<unknown, string | undefined, string>;
	/** Raised by every save: the API refuses a stale one. */
	version: ColumnType<number, number | undefined, number>;
	updated_by: string | null;
	updated_at: TimestampDefaultNow;
}

/** What a notification tells of (notifications/notify.ts). */
export type NotificationKind =
	| 'assigned'
	| 'evidence_requested'
	| 'evidence_rejected'
	| 'mentioned'
	| 'review_requested'
	| 'sent_back'
	| 'finalised'
	| 'reopened';

export interface NotificationsTable {
	id: string;
	user_id: string;
	org_id: string;
	assessment_id: string | null;
	item_id: string | null;
	actor_id: string | null;
	kind: NotificationKind;
	data: Json;
	created_at: TimestampDefaultNow;
	read_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface NotificationPreferencesTable {
	user_id: string;
	in_app: boolean;
	mail: boolean;
	digest: boolean;
	updated_at: TimestampDefaultNow;
}
