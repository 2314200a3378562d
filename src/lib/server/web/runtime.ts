import { sql } from 'kysely';
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
		let migrating = true;
		try {
			await onceAcrossInstances(database, async () => {
				const migrated = await migrateToLatest(database.db);
				migrating = false;
				logger.info(
					{ db: database.kind, migrations: migrated.results?.map((r) => r.migrationName) ?? [] },
					'database ready'
				);
				for (const task of startupTasks) await task(database, env);
			});
		} catch (error) {
			// Taking the lock or migrating: the database cannot be used. A start-up task: its own error.
			if (!env.databaseUrl || (!migrating && (await database.ping()))) throw error;
			throw new Error(unreachableDatabase(env.databaseUrl, error), { cause: error });
		}
		opened = database;
		return database;
	})();
	return starting;
}

/**
 * Runs the start-up (migrations, corpus import, demo data) one instance at a time: several
 * instances started together on one PostgreSQL take turns, and each finds what the one before did
 * (migrations applied, corpus stored, demo users there) instead of doing it again or racing it. A
 * session-level advisory lock on one connection of the pool, held for the start-up only and freed
 * if the process dies. The embedded database is one process's anyway (data-dir-lock.ts).
 */
async function onceAcrossInstances(database: OpenedDatabase, work: () => Promise<void>) {
	if (database.kind !== 'postgres') return work();
	await database.db.connection().execute(async (connection) => {
		const lock = sql<{ locked: boolean }>`select pg_try_advisory_lock(${STARTUP_LOCK}) as locked`;
		if (!(await lock.execute(connection)).rows[0]?.locked) {
			logger.info('another instance is starting on this database: waiting for it to finish');
			await sql`select pg_advisory_lock(${STARTUP_LOCK})`.execute(connection);
		}
		try {
			await work();
		} finally {
			await sql`select pg_advisory_unlock(${STARTUP_LOCK})`.execute(connection);
		}
	});
}

/** The advisory lock key of the start-up: any fixed number no other lock of this app uses. */
const STARTUP_LOCK = 7_150_301;

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
