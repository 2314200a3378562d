import { sql, type Kysely } from 'kysely';

/**
 * Scheduled work (the daily digest; later retention purges): a row per run, claimed by whichever
 * instance gets to it first with `for update skip locked`, so several instances run each job once.
 * (kind, run_at) is unique: instances scheduling the same run insert it once.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('jobs')
		.addColumn('id', 'uuid', (c) => c.primaryKey())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('run_at', 'timestamptz', (c) => c.notNull())
		.addColumn('payload', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
		.addColumn('locked_by', 'text')
		.addColumn('locked_until', 'timestamptz')
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('done_at', 'timestamptz')
		.addColumn('last_error', 'text')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema
		.createIndex('jobs_kind_run_at_idx')
		.on('jobs')
		.columns(['kind', 'run_at'])
		.unique()
		.execute();
	await db.schema.createIndex('jobs_due_idx').on('jobs').columns(['done_at', 'run_at']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('jobs').execute();
}
