import { sql, type Kysely } from 'kysely';

/**
 * In-app notifications (one row per person told, read or not) and each person's choice of how
 * they are told: in the app, by mail, in the daily digest. A notification belongs to one
 * organisation's member; it goes with the account, the organisation, or the assessment it is about
 * (a purge removes an assessment's notifications with it).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('notifications')
		.addColumn('id', 'uuid', (c) => c.primaryKey())
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('org_id', 'uuid', (c) =>
			c.notNull().references('organisations.id').onDelete('cascade')
		)
		.addColumn('assessment_id', 'uuid', (c) => c.references('assessments.id').onDelete('cascade'))
		.addColumn('item_id', 'text')
		.addColumn('actor_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('data', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('read_at', 'timestamptz')
		.execute();
	await db.schema
		.createIndex('notifications_user_org_created')
		.on('notifications')
		.columns(['user_id', 'org_id', 'created_at'])
		.execute();
	await db.schema
		.createIndex('notifications_unread')
		.on('notifications')
		.columns(['user_id', 'org_id'])
		.where(sql.ref('read_at'), 'is', null)
		.execute();
	await db.schema
		.createIndex('notifications_assessment')
		.on('notifications')
		.column('assessment_id')
		.execute();
	await db.schema
		.createTable('notification_preferences')
		.addColumn('user_id', 'uuid', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
		.addColumn('in_app', 'boolean', (c) => c.notNull().defaultTo(true))
		.addColumn('mail', 'boolean', (c) => c.notNull().defaultTo(true))
		.addColumn('digest', 'boolean', (c) => c.notNull().defaultTo(true))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('notification_preferences').execute();
	await db.schema.dropTable('notifications').execute();
}
