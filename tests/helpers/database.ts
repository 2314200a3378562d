import { sql } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import {
	openDatabase,
	type Database,
	type OpenedDatabase
} from '../../src/lib/server/db/connection';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { createScratchDatabase, testDbKind, type ScratchDatabase } from '../setup/databases';

/** A migrated scratch database of this project's kind, opened in-process for service-level tests. */
export function useTestDatabase(label: string): () => OpenedDatabase {
	let scratch: ScratchDatabase;
	let database: OpenedDatabase;
	beforeAll(async () => {
		scratch = await createScratchDatabase(testDbKind(), label, { migrated: true });
		database = await openDatabase({
			databaseUrl: scratch.env.DATABASE_URL ?? null,
			dataDir: scratch.env.DATA_DIR
		});
		await migrateToLatest(database.db);
	});
	afterAll(async () => {
		await database?.close();
		await scratch?.drop();
	});
	return () => database;
}

/** Every table with a row that, as text, holds the marker: the tables' names (a purge leaves none). */
export async function tablesHolding(db: Database, marker: string): Promise<string[]> {
	const { rows } = await sql<{ table_name: string }>`
		select table_name from information_schema.tables
		where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
	const found: string[] = [];
	for (const { table_name } of rows) {
		const hit = await sql<{ n: number }>`
			select cast(count(*) as integer) as n from ${sql.table(table_name)} t
			where t::text like ${'%' + marker + '%'}`.execute(db);
		if (Number(hit.rows[0]!.n) > 0) found.push(table_name);
	}
	return found;
}
