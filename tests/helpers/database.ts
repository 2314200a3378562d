import { afterAll, beforeAll } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../src/lib/server/db/connection';
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
