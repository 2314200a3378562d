import { sql, type Kysely } from 'kysely';

/**
 * Who is rendering which report right now, across every instance on this database: a row per report
 * being rendered, claimed in one statement and deleted when the render ends. The expiry frees the
 * report again if its instance died mid-render. Each lease takes one of its organisation's slots
 * (1…REPORT_RENDERS_PER_ORG, unique per organisation): an organisation never has more renders at
 * once than it has slots, whatever the number of instances (a fair share of the renderers).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('report_render_leases')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('org_id', 'uuid', (c) =>
			c.notNull().references('organisations.id').onDelete('cascade')
		)
		.addColumn('slot', 'integer', (c) => c.notNull())
		.addColumn('holder', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'timestamptz', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema
		.createIndex('report_render_leases_slot_idx')
		.on('report_render_leases')
		.columns(['org_id', 'slot'])
		.unique()
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('report_render_leases').execute();
}
