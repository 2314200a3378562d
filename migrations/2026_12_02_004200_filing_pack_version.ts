import { sql, type Kysely } from 'kysely';

/**
 * A version number on the filing pack, raised by every save of its form or an edit: the API's
 * PUT of the pack form refuses a stale one (409 with the current form), as answers do.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('filing_packs')
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(sql`0`))
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('filing_packs').dropColumn('version').execute();
}
