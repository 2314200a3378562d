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
		let migrated: Awaited<ReturnType<typeof migrateToLatest>>;
		try {
			migrated = await migrateToLatest(database.db);
		} catch (error) {
			if (!env.databaseUrl) throw error;
			throw new Error(unreachableDatabase(env.databaseUrl, error), { cause: error });
		}
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

/**
 * What an operator needs when PostgreSQL cannot be used at start-up: which database (never its
 * password) and what to check.
 */
export function unreachableDatabase(databaseUrl: string, error: unknown): string {
	let where = 'the database in DATABASE_URL';
	try {
		const url = new URL(databaseUrl);
		const user = url.username ? `${decodeURIComponent(url.username)}@` : '';
		where = `postgres://${user}${url.hostname}:${url.port || '5432'}${url.pathname}`;
	} catch {
		// not a URL: say only where it comes from
	}
	const reason = error instanceof Error ? error.message : String(error);
	return (
		`cannot use the PostgreSQL database ${where} (${reason}). Check that the server is running ` +
		'and reachable from here, and the host, port, database name, user and password in DATABASE_URL.'
	);
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
