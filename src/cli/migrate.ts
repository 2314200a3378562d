import { openDatabase } from '../lib/server/db/connection';
import { migrateToLatest } from '../lib/server/db/migrate';
import { readServerEnv } from '../lib/server/env';
import { printJson, type CliIo } from './io';

export async function migrateCommand(io: CliIo): Promise<number> {
	const database = await openDatabase(readServerEnv());
	try {
		const result = await migrateToLatest(database.db);
		printJson(io, {
			database: database.kind,
			applied: result.results?.map((r) => r.migrationName) ?? []
		});
		return 0;
	} finally {
		await database.close();
	}
}
