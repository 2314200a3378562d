import { readServerEnv } from '../env';
import { openDatabase, type OpenedDatabase } from '../db/connection';
import { migrateToLatest } from '../db/migrate';
import { logger } from '../logger';

let opened: OpenedDatabase | null = null;
let starting: Promise<OpenedDatabase> | null = null;

/** Opens the database once per process, migrates it and loads the corpus. */
export function startRuntime(): Promise<OpenedDatabase> {
	starting ??= (async () => {
		const env = readServerEnv();
		const database = await openDatabase(env);
		const migrated = await migrateToLatest(database.db);
		logger.info(
			{ db: database.kind, migrations: migrated.results?.map((r) => r.migrationName) ?? [] },
			'database ready'
		);
		for (const task of startupTasks) await task(database, env);
		opened = database;
		return database;
	})();
	return starting;
}

type StartupTask = (
	database: OpenedDatabase,
	env: ReturnType<typeof readServerEnv>
) => Promise<void>;
const startupTasks: StartupTask[] = [];

/** Work that runs once after migration (corpus import, demo data), registered by its module. */
export function onStartup(task: StartupTask): void {
	startupTasks.push(task);
}

export function runtime(): OpenedDatabase {
	if (!opened) throw new Error('runtime not started');
	return opened;
}
