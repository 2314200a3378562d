import { sql, type Kysely } from 'kysely';

/**
 * The audit log says who (the person, and the API token when the change came through one), what
 * (the action and the entity it touched), when, and before/after, for every write:
 * - `api_token_id`, `request_id` (the x-request-id of the request that made the change);
 * - `entity_type` / `entity_id`, filled in for the rows already there from what they name;
 * - `org_id` may be null: a sign-up or a login belongs to a person, not to an organisation;
 * - the rows of an assessment outlive it (no cascade from assessments): a purge redacts their
 *   content (`redacted_at`) and keeps who did what when.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('audit_log')
		.addColumn('api_token_id', 'uuid', (c) => c.references('api_tokens.id').onDelete('set null'))
		.addColumn('request_id', 'text')
		.addColumn('entity_type', 'text')
		.addColumn('entity_id', 'text')
		.addColumn('redacted_at', 'timestamptz')
		.execute();
	// The firm's identity (2026_12_01_113000) wrote rows before this: a change to a client's or the
	// organisation's identity names that record (the client's id as `clientId`), a resolved
	// conflict names the conflict; its own move of each profile's identity names the assessment.
	await sql`
		update audit_log set
			entity_type = case
				when action = 'client.identity_updated' then 'client'
				when action = 'organisation.identity_updated' then 'organisation'
				when action = 'identity.conflict_resolved' then 'identity_conflict'
				when item_id is not null and action like 'item.%' then 'item'
				when item_id is not null then 'answer'
				when assessment_id is not null then 'assessment'
				when action like 'client.%' then 'client'
				else 'organisation' end,
			entity_id = case
				when action = 'client.identity_updated' then coalesce(new_value->>'clientId', '')
				when action = 'organisation.identity_updated' then org_id::text
				when action = 'identity.conflict_resolved' then coalesce(new_value->>'conflictId', '')
				when item_id is not null then assessment_id::text || '/' || item_id
				when assessment_id is not null then assessment_id::text
				when action like 'client.%' then coalesce(new_value->>'id', '')
				else org_id::text end
	`.execute(db);
	await db.schema
		.alterTable('audit_log')
		.alterColumn('entity_type', (c) => c.setNotNull())
		.alterColumn('entity_id', (c) => c.setNotNull())
		.alterColumn('org_id', (c) => c.dropNotNull())
		.execute();
	await sql`alter table audit_log drop constraint if exists audit_log_assessment_id_fkey`.execute(
		db
	);
	await db.schema
		.createIndex('audit_log_entity_idx')
		.on('audit_log')
		.columns(['entity_type', 'entity_id', 'at'])
		.execute();
	await db.schema
		.createIndex('audit_log_org_at_idx')
		.on('audit_log')
		.columns(['org_id', 'at'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('audit_log_org_at_idx').execute();
	await db.schema.dropIndex('audit_log_entity_idx').execute();
	await db.deleteFrom('audit_log').where('org_id', 'is', null).execute();
	await db
		.deleteFrom('audit_log')
		.where('assessment_id', 'is not', null)
		.where('assessment_id', 'not in', db.selectFrom('assessments').select('id'))
		.execute();
	await sql`alter table audit_log add constraint audit_log_assessment_id_fkey foreign key (assessment_id) references assessments (id) on delete cascade`.execute(
		db
	);
	await db.schema
		.alterTable('audit_log')
		.alterColumn('org_id', (c) => c.setNotNull())
		.dropColumn('redacted_at')
		.dropColumn('entity_id')
		.dropColumn('entity_type')
		.dropColumn('request_id')
		.dropColumn('api_token_id')
		.execute();
}
